package dev.endsession.agent.linux.dbus;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Queue;

/**
 * A bus connection over the JDK's own Unix socket: no native code. It carries no file
 * descriptors (the JDK cannot receive them; {@link FdTransport} can). Non-blocking, so the event
 * loop can wait on it with the others; a call waits on a selector of its own.
 */
final class ChannelTransport implements Transport {

    private final SocketChannel channel;
    private final Selector waiter;
    private final SelectionKey key;

    private ChannelTransport(SocketChannel channel, Selector waiter) throws IOException {
        this.channel = channel;
        this.waiter = waiter;
        this.key = channel.register(waiter, 0);
    }


    /** @param timeoutMillis how long a bus that does not take the connection is waited for */
    static ChannelTransport connect(Path socket, long timeoutMillis) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.configureBlocking(false);
            ChannelTransport transport = new ChannelTransport(channel, Selector.open());
            if (!channel.connect(UnixDomainSocketAddress.of(socket))) {
                if (!transport.await(SelectionKey.OP_CONNECT, timeoutMillis)) {
                    throw new IOException("the bus took no connection in " + timeoutMillis + " ms");
                }
                channel.finishConnect();
            }
            return transport;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Lets the event loop wait on this connection too. */
    void register(Selector loop) throws IOException {
        channel.register(loop, SelectionKey.OP_READ);
    }

    @Override
    public int read(ByteBuffer into, long waitMillis, Queue<Integer> fds) throws IOException {
        int n = channel.read(into);
        if (n == 0 && waitMillis > 0 && await(SelectionKey.OP_READ, waitMillis)) {
            n = channel.read(into);
        }
        return n;
    }

    @Override
    public void write(ByteBuffer bytes, long waitMillis) throws IOException {
        while (bytes.hasRemaining()) {
            if (channel.write(bytes) == 0 && !await(SelectionKey.OP_WRITE, waitMillis)) {
                throw new IOException("the bus took nothing for " + waitMillis + " ms");
            }
        }
    }

    private boolean await(int op, long millis) throws IOException {
        key.interestOps(op);
        try {
            return waiter.select(millis) > 0;
        } finally {
            waiter.selectedKeys().clear();
            key.interestOps(0);
        }
    }

    @Override
    public void close() {
        try {
            waiter.close();
            channel.close();
        } catch (IOException e) {
            // closing: nothing left to do
        }
    }
}
