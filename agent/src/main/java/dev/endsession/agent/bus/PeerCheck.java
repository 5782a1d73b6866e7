package dev.endsession.agent.bus;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import jdk.net.ExtendedSocketOptions;

/**
 * The initiator's check of the process behind a connected socket, before it trusts the pid in the
 * socket's name with anything (issue 12: it once SIGKILLed whatever pid a file name said).
 * <ul>
 *   <li>The peer's user, from the kernel ({@code SO_PEERCRED}), must be the session directory's owner
 *       (this user): another user's socket is refused, root's too (the initiator signals only its
 *       own user's processes).</li>
 *   <li>The pid must hold the listening socket made for it ({@link ListeningSockets}) and is pinned by
 *       its start time ({@link VerifiedProcess}).</li>
 * </ul>
 * This is what makes a swap of the directory's path during the round harmless: whatever the path
 * led to, the peer actually reached is checked. Where the kernel does not tell (no {@code /proc}),
 * the app is still talked to, but never signalled. Thread-safe.
 */
final class PeerCheck {

    private final UserPrincipal owner;
    private final ListeningSockets listening;

    /**
     * @param owner the session directory's owner (checked to be this process's user)
     * @param listening the listening sockets, read after the directory was listed; {@code null} if unknown
     */
    PeerCheck(UserPrincipal owner, ListeningSockets listening) {
        this.owner = owner;
        this.listening = listening;
    }

    /**
     * @param channel connected to {@code <pid>.sock}
     * @param pid the pid its name says
     * @return the proved process, or {@code null} where the platform cannot tell (never signal it then)
     * @throws RefusedPeerException if the peer is another user's or not {@code pid}
     */
    VerifiedProcess verify(SocketChannel channel, long pid) throws RefusedPeerException {
        if (channel.supportedOptions().contains(ExtendedSocketOptions.SO_PEERCRED)) {
            UserPrincipal peer;
            try {
                peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED).user();
            } catch (IOException | UnsupportedOperationException e) {
                throw new RefusedPeerException("the peer's user cannot be read (" + e + ")");
            }
            if (!peer.equals(owner)) {
                throw new RefusedPeerException("the peer runs as user " + peer.getName() + ", not " + owner.getName());
            }
        }
        if (listening == null) {
            return null;
        }
        ProcStat before = ProcStat.of(pid);
        String unproven = before == null ? "pid " + pid + " does not exist" : listening.unproven(pid);
        if (unproven != null) {
            throw new RefusedPeerException(unproven);
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        ProcStat after = ProcStat.of(pid);
        if (handle.isEmpty() || after == null || after.startTicks() != before.startTicks()) {
            throw new RefusedPeerException("pid " + pid + " ended while it was checked");
        }
        return new VerifiedProcess(handle.get(), before.startTicks());
    }
}
