package com.example.recorder;

import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Vote;

/** Blocks the end of the session while a take is recorded; saves it if the session ends anyway. */
public final class RecorderListener implements EndSessionListener {

    private final Recorder recorder;

    public RecorderListener(Recorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public Vote onQueryEndSession(QueryEndSession query) {
        String take = recorder.recording();
        return take == null ? Vote.allow() : Vote.veto("Recording " + take);
    }

    @Override
    public void onEndSession(EndSessionEvent event) {
        recorder.stopAndSave();
    }

    @Override
    public String name() {
        return "recorder";
    }
}
