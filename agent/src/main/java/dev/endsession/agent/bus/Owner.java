package dev.endsession.agent.bus;

import dev.endsession.agent.trust.Uids;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Who owns a file, compared with who this process runs as: by numeric uid where the JDK can tell
 * ({@code unix:uid} and {@code com.sun.security.auth.module.UnixSystem}), else by user name.
 */
final class Owner {

    private static final Long MY_UID = Uids.current();

    private Owner() {
    }

    /** @return a short description of the owner if it is not this process's user, else {@code null} */
    static String foreignOwner(Path path) throws IOException {
        if (MY_UID != null) {
            Object uid = Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            long owner = ((Number) uid).longValue();
            return owner == MY_UID ? null : "uid " + owner + " (this process runs as uid " + MY_UID + ")";
        }
        String owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
        String me = System.getProperty("user.name", "");
        return owner.equals(me) ? null : "user " + owner + " (this process runs as " + me + ")";
    }
}
