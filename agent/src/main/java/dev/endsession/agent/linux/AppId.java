package dev.endsession.agent.linux;

import java.nio.file.Path;
import java.util.Map;

/**
 * The app's desktop file id, which GNOME matches against {@code .desktop} files to show an app's
 * name and icon (gnome-shell hides an inhibitor whose id matches none): the {@code app-id} option,
 * else what launched the app says ({@code FLATPAK_ID}; {@code GIO_LAUNCHED_DESKTOP_FILE}, which GLib
 * sets for what it starts from a desktop file), else the agent's {@code name}.
 */
public final class AppId {

    private AppId() {
    }

    /**
     * @param option the {@code app-id} option, empty when not given
     * @param name the agent's {@code name} option
     * @param env the process's environment
     * @return the id to register with
     */
    public static String of(String option, String name, Map<String, String> env) {
        if (!option.isEmpty()) {
            return option;
        }
        String flatpak = env.get("FLATPAK_ID");
        if (flatpak != null && !flatpak.isBlank()) {
            return flatpak;
        }
        String launched = env.get("GIO_LAUNCHED_DESKTOP_FILE");
        if (launched != null && launched.endsWith(".desktop")) {
            Path file = Path.of(launched).getFileName();
            if (file != null) {
                String base = file.toString();
                return base.substring(0, base.length() - ".desktop".length());
            }
        }
        return name;
    }
}
