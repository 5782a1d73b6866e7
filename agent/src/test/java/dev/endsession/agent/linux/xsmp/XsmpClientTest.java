package dev.endsession.agent.linux.xsmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.core.Policy;
import dev.endsession.agent.core.RoundState;
import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Vote;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The XSMP client's answers to each manager message, against a recording manager and a real coordinator. */
@Timeout(20)
class XsmpClientTest {

    /** Records every reply, as the manager would receive them, in order. */
    static final class RecordingManager implements SessionManager {
        final List<String> sent = new CopyOnWriteArrayList<>();
        boolean grantsInteraction = true;

        @Override
        public void saveYourselfDone(boolean success) {
            sent.add("SaveYourselfDone(" + success + ")");
        }

        @Override
        public boolean interactRequest(int dialogType) {
            sent.add("InteractRequest(" + (dialogType == SmH.SmDialogNormal ? "Normal" : "Error") + ")");
            return grantsInteraction;
        }

        @Override
        public void interactDone(boolean cancelShutdown) {
            sent.add("InteractDone(" + cancelShutdown + ")");
        }
    }

    /** A listener that vetoes while {@code blocking} is set and records what it was told. */
    static final class Notes implements EndSessionListener {
        final List<String> heard = new CopyOnWriteArrayList<>();
        volatile String blocking;

        @Override
        public Vote onQueryEndSession(QueryEndSession query) {
            heard.add("query " + query.reasons() + " interaction " + query.interactionAllowed());
            return blocking == null ? Vote.allow() : Vote.veto(blocking);
        }

        @Override
        public void onEndSession(EndSessionEvent event) {
            heard.add("end " + event.reasons());
        }

        @Override
        public void onEndSessionCancelled(EndSessionEvent event) {
            heard.add("cancelled " + event.reasons());
        }
    }

    final Coordinator coordinator = new Coordinator(Policy.defaults().withListenerBudget(Duration.ofSeconds(5)));
    final RecordingManager manager = new RecordingManager();
    final Notes notes = new Notes();
    final List<String> exits = new CopyOnWriteArrayList<>();
    final XsmpClient client = new XsmpClient(coordinator, manager, Duration.ofSeconds(5), () -> exits.add("exit"));

    XsmpClientTest() {
        coordinator.register(notes);
    }

    @Nested
    class Checkpoints {
        @Test
        void aSaveWithoutShutdownIsDoneAtOnceAndAsksNobody() {
            client.saveYourself(SmH.SmSaveLocal, false, SmH.SmInteractStyleNone, false);

            assertEquals(List.of("SaveYourselfDone(true)"), manager.sent);
            assertEquals(List.of(), notes.heard);
            assertEquals(XsmpClient.State.IDLE, client.state());
        }

        @Test
        void saveCompleteAfterACheckpointChangesNothing() {
            client.saveYourself(SmH.SmSaveLocal, false, SmH.SmInteractStyleNone, false);
            client.saveComplete();

            assertEquals(List.of(), notes.heard);
            assertEquals(RoundState.IDLE, coordinator.state());
        }
    }

    @Nested
    class Agreement {
        @Test
        void aShutdownIsTheQueryAndAnAgreementIsSaveYourselfDone() {
            client.saveYourself(SmH.SmSaveBoth, true, SmH.SmInteractStyleAny, false);

            assertEquals(List.of("query [LOGOFF] interaction true"), notes.heard);
            assertEquals(List.of("SaveYourselfDone(true)"), manager.sent);
            assertEquals(XsmpClient.State.SAVED_FOR_SHUTDOWN, client.state());
        }

        @Test
        void dieRunsEveryCleanupOnceThenExits() {
            client.saveYourself(SmH.SmSaveBoth, true, SmH.SmInteractStyleAny, false);
            client.die();
            client.die();

            assertEquals(List.of("query [LOGOFF] interaction true", "end [LOGOFF]"), notes.heard);
            assertEquals(List.of("exit"), exits);
            assertEquals(RoundState.ENDED, coordinator.state());
        }

        @Test
        void dieWithoutAQueryStillCleansUp() {
            client.die();

            assertEquals(List.of("end [LOGOFF]"), notes.heard);
            assertEquals(List.of("exit"), exits);
        }

        @Test
        void aSaveAfterDieIsAnsweredWithoutAQuery() {
            client.die();
            client.saveYourself(SmH.SmSaveBoth, true, SmH.SmInteractStyleAny, false);

            assertEquals(List.of("SaveYourselfDone(true)"), manager.sent);
            assertEquals(List.of("end [LOGOFF]"), notes.heard);
        }
    }

    @Nested
    class Veto {
        @Test
        void aVetoAsksToInteractThenCancelsTheShutdownAndFinishesTheSave() {
            notes.blocking = "Unsaved notes";
            client.saveYourself(SmH.SmSaveBoth, true, SmH.SmInteractStyleAny, false);

            assertEquals(List.of("InteractRequest(Normal)"), manager.sent);
            assertEquals(XsmpClient.State.AWAITING_INTERACT, client.state());
            assertEquals(List.of("Unsaved notes"), coordinator.blockReasons());

            client.interact();

            assertEquals(List.of("InteractRequest(Normal)", "InteractDone(true)", "SaveYourselfDone(true)"), manager.sent);
        }

        @Test
        void shutdownCancelledTellsTheListenersAndClearsTheBlock() {
            notes.blocking = "Unsaved notes";
            client.saveYourself(SmH.SmSaveBoth, true, SmH.SmInteractStyleAny, false);
            client.interact();
            client.shutdownCancelled();

            assertEquals(List.of("query [LOGOFF] interaction true", "cancelled [LOGOFF]"), notes.heard);
            assertEquals(List.of(), coordinator.blockReasons());
            assertEquals(RoundState.IDLE, coordinator.state());
            assertEquals(XsmpClient.State.IDLE, client.state());
        }

        @Test
        void saveCompleteAfterTheCancelIsTheCancelAsXfceSendsIt() {
            notes.blocking = "Unsaved notes";
            client.saveYourself(SmH.SmSaveBoth, true, SmH.SmInteractStyleAny, false);
            client.interact();
            client.saveComplete();

            assertEquals(List.of("query [LOGOFF] interaction true", "cancelled [LOGOFF]"), notes.heard);
            assertEquals(RoundState.IDLE, coordinator.state());
            client.shutdownCancelled(); // a manager that sends both: told once
            assertEquals(1, notes.heard.stream().filter(h -> h.startsWith("cancelled")).count());
        }

        @Test
        void aCancelByAnotherClientBeforeOurTurnStillFinishesTheSave() {
            notes.blocking = "Unsaved notes";
            client.saveYourself(SmH.SmSaveBoth, true, SmH.SmInteractStyleAny, false);
            client.shutdownCancelled();

            assertEquals(List.of("InteractRequest(Normal)", "SaveYourselfDone(true)"), manager.sent);
            assertEquals(List.of("query [LOGOFF] interaction true", "cancelled [LOGOFF]"), notes.heard);
        }

        @Test
        void withErrorsOnlyTheVetoAsksForAnErrorDialogAndNoPrompt() {
            notes.blocking = "Unsaved notes";
            client.saveYourself(SmH.SmSaveBoth, true, SmH.SmInteractStyleErrors, false);

            assertEquals(List.of("query [LOGOFF] interaction false"), notes.heard);
            assertEquals(List.of("InteractRequest(Error)"), manager.sent);
        }

        @Test
        void withoutInteractionTheVetoCannotStopTheShutdown() {
            notes.blocking = "Unsaved notes";
            client.saveYourself(SmH.SmSaveBoth, true, SmH.SmInteractStyleNone, false);

            assertEquals(List.of("query [LOGOFF, CRITICAL] interaction false"), notes.heard);
            assertEquals(List.of("SaveYourselfDone(true)"), manager.sent);
            assertEquals(XsmpClient.State.SAVED_FOR_SHUTDOWN, client.state());
        }

        @Test
        void anInteractRequestLibSmRefusesStillFinishesTheSave() {
            notes.blocking = "Unsaved notes";
            manager.grantsInteraction = false;
            client.saveYourself(SmH.SmSaveBoth, true, SmH.SmInteractStyleAny, false);

            assertEquals(List.of("InteractRequest(Normal)", "SaveYourselfDone(true)"), manager.sent);
        }

        @Test
        void anInteractNobodyAskedForIsEndedWithoutCancelling() {
            client.interact();

            assertEquals(List.of("InteractDone(false)"), manager.sent);
        }

        @Test
        void aShutdownCancelledOutsideAShutdownTellsNobody() {
            client.shutdownCancelled();

            assertEquals(List.of(), notes.heard);
        }
    }

    @Nested
    class Failures {
        @Test
        void aListenerThatThrowsStillGetsTheManagerItsAnswer() {
            coordinator.register(new EndSessionListener() {
                @Override
                public Vote onQueryEndSession(QueryEndSession query) {
                    throw new IllegalStateException("broken");
                }
            });
            client.saveYourself(SmH.SmSaveBoth, true, SmH.SmInteractStyleAny, false);

            assertTrue(manager.sent.contains("SaveYourselfDone(true)"), manager.sent.toString());
        }
    }
}
