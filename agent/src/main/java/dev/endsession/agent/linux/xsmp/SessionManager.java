package dev.endsession.agent.linux.xsmp;

/**
 * What this client says to its session manager: libSM's {@code Smc*} replies, nothing else. Called
 * only on the connection's own thread (libSM and libICE are not thread-safe).
 */
interface SessionManager {

    /** {@code SmcSaveYourselfDone}: the save is over. @param success {@code false} if it failed */
    void saveYourselfDone(boolean success);

    /**
     * {@code SmcInteractRequest}: asks for the user's attention; the manager answers with
     * {@link XsmpClient#interact} when it is this client's turn.
     *
     * @param dialogType {@code SmDialogNormal}, or {@code SmDialogError} when only errors may be shown
     * @return {@code false} if libSM refused to send it
     */
    boolean interactRequest(int dialogType);

    /** {@code SmcInteractDone}. @param cancelShutdown {@code true} to stop the shutdown */
    void interactDone(boolean cancelShutdown);
}
