/**
 * The Windows bridge: the JVM takes part in Windows' end of session like a native app.
 *
 * <p>Three tiers, so the logic runs everywhere and only the calls need Windows:
 * {@link dev.endsession.agent.windows.Win32Port} lists every Win32 call and nothing else;
 * the logic ({@code WindowsSession}, {@code EndSessionWindow}, {@code ConsoleEvents}, {@code Ending},
 * {@code AwtTakeover}, {@code WindowThread}, {@code ExitRequest}, {@code Budgets}, {@code WindowLongFunctions})
 * holds no JNA type and is tested on
 * every OS against a model of Windows; the {@code *JNA} classes and the {@code *Ext} interfaces make
 * the calls. The constants live in one class per SDK header ({@code WinUserH} for winuser.h, ...),
 * checked against mingw-w64's headers by a test. See {@code docs/windows.md}.
 */
package dev.endsession.agent.windows;
