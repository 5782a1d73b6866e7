package dev.endsession.agent.linux.xsmp;

/**
 * The constants of {@code <X11/SM/SM.h>} (libSM) this package uses, under their C names; checked
 * against the installed header by {@code SmHeadersTest}. Not API.
 */
final class SmH {

    static final int SmProtoMajor = 1;
    static final int SmProtoMinor = 0;

    static final int SmInteractStyleNone = 0;
    static final int SmInteractStyleErrors = 1;
    static final int SmInteractStyleAny = 2;

    static final int SmDialogError = 0;
    static final int SmDialogNormal = 1;

    static final int SmSaveGlobal = 0;
    static final int SmSaveLocal = 1;
    static final int SmSaveBoth = 2;

    static final int SmRestartNever = 3;

    static final String SmCloneCommand = "CloneCommand";
    static final String SmProcessID = "ProcessID";
    static final String SmProgram = "Program";
    static final String SmRestartCommand = "RestartCommand";
    static final String SmRestartStyleHint = "RestartStyleHint";
    static final String SmUserID = "UserID";

    static final String SmCARD8 = "CARD8";
    static final String SmARRAY8 = "ARRAY8";
    static final String SmLISTofARRAY8 = "LISTofARRAY8";

    private SmH() {
    }
}
