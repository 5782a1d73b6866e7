package dev.endsession.agent.testing;

/** A second, distinct plugin class, recording as {@code end2}/{@code query2}/{@code cancelled2}. */
public class SecondRecordingListener extends RecordingListener {

    @Override
    public void onEndSession(dev.endsession.api.EndSessionEvent event) {
        record("end2", event.reasons().toString());
    }

    @Override
    public int order() {
        return 5;
    }
}
