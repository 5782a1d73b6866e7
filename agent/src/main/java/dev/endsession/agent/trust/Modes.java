package dev.endsession.agent.trust;

/** Unix permission bits as {@code ls -l} shows them, e.g. {@code rwxrwxrwt}. */
final class Modes {

    private Modes() {
    }

    /** @param mode the {@code st_mode} bits @return e.g. {@code rwxr-xr-x}, with {@code t}/{@code T} for a sticky directory */
    static String text(int mode) {
        StringBuilder text = new StringBuilder(9);
        String letters = "rwxrwxrwx";
        for (int bit = 8; bit >= 0; bit--) {
            text.append((mode & (1 << bit)) != 0 ? letters.charAt(8 - bit) : '-');
        }
        if ((mode & 01000) != 0) {
            text.setCharAt(8, (mode & 1) != 0 ? 't' : 'T');
        }
        return text.toString();
    }
}
