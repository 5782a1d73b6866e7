package dev.endsession.agent.windows;

/**
 * The token and privilege constants of {@code winnt.h} that shutting down or restarting needs.
 *
 * @see <a href="https://learn.microsoft.com/windows/win32/shutdown/how-to-shut-down-the-system">How to shut down the system</a>
 */
@Header("winnt.h")
final class WinNtH {

    /** @see <a href="https://learn.microsoft.com/windows/win32/secauthz/privilege-constants">Privilege constants</a> */
    static final String SE_SHUTDOWN_NAME = "SeShutdownPrivilege";
    /** @see <a href="https://learn.microsoft.com/windows/win32/secauthz/access-rights-for-access-token-objects">Token access rights</a> */
    static final int TOKEN_QUERY = 0x0008;
    /** Needed by AdjustTokenPrivileges. @see <a href="https://learn.microsoft.com/windows/win32/secauthz/access-rights-for-access-token-objects">Token access rights</a> */
    static final int TOKEN_ADJUST_PRIVILEGES = 0x0020;
    /** @see <a href="https://learn.microsoft.com/windows/win32/api/securitybaseapi/nf-securitybaseapi-adjusttokenprivileges">AdjustTokenPrivileges</a> */
    static final int SE_PRIVILEGE_ENABLED = 0x00000002;

    private WinNtH() {
    }
}
