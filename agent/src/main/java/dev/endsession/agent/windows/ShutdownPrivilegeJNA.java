package dev.endsession.agent.windows;

import static dev.endsession.agent.windows.WinErrorH.ERROR_NOT_ALL_ASSIGNED;
import static dev.endsession.agent.windows.WinNtH.SE_PRIVILEGE_ENABLED;
import static dev.endsession.agent.windows.WinNtH.SE_SHUTDOWN_NAME;
import static dev.endsession.agent.windows.WinNtH.TOKEN_ADJUST_PRIVILEGES;
import static dev.endsession.agent.windows.WinNtH.TOKEN_QUERY;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinDef.DWORD;
import com.sun.jna.platform.win32.WinNT;

/**
 * Enables {@code SE_SHUTDOWN_NAME} on the process token, as Microsoft's "How to shut down the
 * system" does before {@code ExitWindowsEx(EWX_SHUTDOWN)}
 * (<a href="https://learn.microsoft.com/windows/win32/shutdown/how-to-shut-down-the-system">source</a>).
 */
final class ShutdownPrivilegeJNA {

    private ShutdownPrivilegeJNA() {
    }

    static void enable() {
        WinNT.HANDLEByReference token = new WinNT.HANDLEByReference();
        if (!Advapi32.INSTANCE.OpenProcessToken(Kernel32.INSTANCE.GetCurrentProcess(), TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY, token)) {
            throw new Win32Failure("OpenProcessToken", Native.getLastError());
        }
        try {
            WinNT.LUID luid = new WinNT.LUID();
            if (!Advapi32.INSTANCE.LookupPrivilegeValue(null, SE_SHUTDOWN_NAME, luid)) {
                throw new Win32Failure("LookupPrivilegeValue", Native.getLastError());
            }
            WinNT.TOKEN_PRIVILEGES privileges = new WinNT.TOKEN_PRIVILEGES(1);
            privileges.Privileges[0] = new WinNT.LUID_AND_ATTRIBUTES(luid, new DWORD(SE_PRIVILEGE_ENABLED));
            boolean adjusted = Advapi32.INSTANCE.AdjustTokenPrivileges(token.getValue(), false, privileges, 0, null, null);
            // AdjustTokenPrivileges "succeeds" without the privilege; only GetLastError tells.
            int error = Native.getLastError();
            if (!adjusted || error == ERROR_NOT_ALL_ASSIGNED) {
                throw new Win32Failure("AdjustTokenPrivileges(" + SE_SHUTDOWN_NAME + ")", error);
            }
        } finally {
            Kernel32.INSTANCE.CloseHandle(token.getValue());
        }
    }
}
