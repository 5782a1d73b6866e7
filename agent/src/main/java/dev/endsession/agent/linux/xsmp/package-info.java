/**
 * XSMP: the JVM as a client of an X session manager (ksmserver, xfce4-session, xsm) through libSM
 * and libICE, driving the coordinator. {@link dev.endsession.agent.linux.xsmp.XsmpProtocol} starts it;
 * the logic ({@code XsmpClient}: what each manager message gets) holds no JNA type and is tested
 * without libSM; {@code XsmpConnectionJNA}, {@code SmProperties} and the {@code *Lib} interfaces make
 * the calls; {@code SmH} and {@code SmlibH} hold the headers' constants, checked against them by a test.
 * See {@code docs/linux-xsmp.md}.
 */
package dev.endsession.agent.linux.xsmp;
