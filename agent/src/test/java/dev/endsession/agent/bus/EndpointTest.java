package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.bus.wire.FrameCodec;
import dev.endsession.agent.bus.wire.FrameReader;
import dev.endsession.agent.bus.wire.Message;
import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.core.Policy;
import dev.endsession.agent.core.RoundState;
import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Reason;
import dev.endsession.api.Vote;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The endpoint and its conversations in this JVM, over a real socket, against a real coordinator. */
class EndpointTest {

    static final Set<Reason> LOGOFF = EnumSet.of(Reason.LOGOFF);
    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    final Coordinator coordinator = new Coordinator(Policy.defaults().withListenerBudget(Duration.ofMillis(300)));
    /** When set, the listener's query waits for it: past its budget. */
    volatile CountDownLatch hang;
    final CountDownLatch cancelled = new CountDownLatch(1);
    final CountDownLatch exited = new CountDownLatch(1);
    final CountDownLatch consoleEnded = new CountDownLatch(1);
    volatile String veto;
    boolean service;
    Endpoint endpoint;
    Endpoint.Address address;

    final class Host implements Conversation.Host {
        @Override
        public Coordinator coordinator() {
            return coordinator;
        }

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public int level() {
            return 0x300;
        }

        @Override
        public boolean service() {
            return service;
        }

        @Override
        public void exit() {
            exited.countDown();
        }

        @Override
        public void consoleEnd(Set<Reason> reasons, Duration budget) {
            consoleEnded.countDown();
        }
    }

    @BeforeEach
    void listen() throws IOException {
        coordinator.register(new EndSessionListener() {
            @Override
            public Vote onQueryEndSession(QueryEndSession query) {
                CountDownLatch wait = hang;
                if (wait != null) {
                    try {
                        wait.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return veto == null ? Vote.allow() : Vote.veto(veto);
            }

            @Override
            public String name() {
                return "probe-listener";
            }

            @Override
            public void onEndSessionCancelled(EndSessionEvent event) {
                cancelled.countDown();
            }
        });
        SessionDirectory session = SessionDirectory.create(dir.resolve("bus"), "default");
        endpoint = Endpoint.bind(session, new Host());
        Thread serving = new Thread(endpoint::serve, "test-endpoint");
        serving.setDaemon(true);
        serving.start();
        address = new Endpoint.Address(ProcessHandle.current().pid(), endpoint.socket());
    }

    @AfterEach
    void close() {
        CountDownLatch wait = hang;
        if (wait != null) {
            wait.countDown();
        }
        endpoint.close();
    }

    SocketApp connect() throws IOException {
        SocketApp app = SocketApp.open(address);
        app.hello();
        return app;
    }

    @Test
    void helloTellsWhoTheAppIs() throws IOException {
        try (SocketApp app = connect()) {
            Message.Info info = app.info();
            assertEquals(List.of(ProcessHandle.current().pid(), "probe", 0x300, "idle", false),
                    List.of(info.pid(), info.name(), info.level(), info.state(), info.service()));
        }
    }

    @Test
    void aVetoIsAnsweredWithItsReasonAndShownInTheState() throws IOException {
        veto = "Unsaved";
        try (SocketApp app = connect(); SocketApp observer = connect()) {
            App.Answer answer = app.query(LOGOFF, Duration.ofSeconds(5));
            assertTrue(answer.vetoed());
            assertEquals(List.of("Unsaved"), answer.blockReasons());
            assertEquals(List.of("Unsaved"), connect().info().blockReasons());
            app.end(LOGOFF, false, Duration.ofSeconds(5));
            assertEquals(RoundState.IDLE, coordinator.state());
        }
    }

    @Test
    void hangingUpBetweenQueryAndEndCancelsTheRound() throws Exception {
        SocketApp app = connect();
        assertFalse(app.query(LOGOFF, Duration.ofSeconds(5)).vetoed());
        assertEquals(RoundState.AGREED, coordinator.state());
        app.close();
        assertTrue(cancelled.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        long end = System.nanoTime() + WAIT.toNanos();
        while (coordinator.state() != RoundState.IDLE && System.nanoTime() < end) {
            Thread.onSpinWait(); // the listeners were told; the state turns idle right after
        }
        assertEquals(RoundState.IDLE, coordinator.state());
    }

    @Test
    void hangingUpAfterTheEndCancelsNothing() throws Exception {
        try (SocketApp app = connect()) {
            app.query(LOGOFF, Duration.ofSeconds(5));
            App.Cleanup cleanup = app.end(LOGOFF, true, Duration.ofSeconds(5));
            assertEquals(1, cleanup.finished().size());
        }
        assertEquals(RoundState.ENDED, coordinator.state());
        assertEquals(1, cancelled.getCount());
    }

    @Test
    void anExitRequestIsAcknowledgedThenExits() throws Exception {
        try (SocketApp app = connect()) {
            assertFalse(app.terminate(true, Duration.ofMillis(1)), "this JVM stays: the host only records the exit");
            assertTrue(exited.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @Test
    void aServiceIgnoresALogoffNoticeButNotAShutdownNotice() throws Exception {
        service = true;
        try (SocketApp app = connect()) {
            assertFalse(app.notice(LOGOFF, Duration.ofSeconds(1)));
            assertEquals(1, consoleEnded.getCount());
            assertTrue(app.notice(EnumSet.of(Reason.SHUTDOWN), Duration.ofSeconds(1)));
            assertTrue(consoleEnded.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @Test
    void aListenerPastItsBudgetIsReportedHungAndTheConversationGoesOnWithoutIt() throws Exception {
        hang = new CountDownLatch(1);
        try (SocketApp app = connect()) {
            App.Answer answer = app.query(LOGOFF, Duration.ofSeconds(5)); // the listener still holds its thread
            assertFalse(answer.vetoed());
            assertEquals(List.of("probe-listener"), answer.hungListeners());
            app.end(LOGOFF, false, Duration.ofSeconds(5)); // served by the thread the conversation moved to
            assertTrue(cancelled.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertEquals(RoundState.IDLE, coordinator.state());
            assertEquals("idle", connect().info().state());
        }
    }

    @Test
    @Timeout(30)
    void requestsSentAheadOfTheirTurnStillGetTheirRepliesWhenTheConversationMoves() throws Exception {
        hang = new CountDownLatch(1);
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(address.socket()));
            ByteArrayOutputStream frames = new ByteArrayOutputStream();
            for (Message request : List.of(new Message.Hello(), new Message.Query(LOGOFF, 5000, false),
                    new Message.End(LOGOFF, false, 5000))) {
                byte[] body = FrameCodec.encode(request);
                frames.write(ByteBuffer.allocate(4).putInt(body.length).array());
                frames.write(body);
            }
            channel.write(ByteBuffer.wrap(frames.toByteArray())); // all three at once: the last two wait in the reader
            FrameReader replies = new FrameReader(channel, ByteBuffer.allocate(1024));
            assertTrue(replies.read() instanceof Message.Info);
            Message.Answer answer = (Message.Answer) replies.read();
            assertEquals(List.of("probe-listener"), answer.hungListeners());
            assertTrue(replies.read() instanceof Message.Ended, "the third request moved along with the conversation");
            assertTrue(cancelled.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @Test
    void closingRemovesTheSocket() {
        endpoint.close();
        assertFalse(Files.exists(address.socket()));
    }
}
