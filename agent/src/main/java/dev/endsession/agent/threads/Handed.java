package dev.endsession.agent.threads;

import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

/**
 * A call handed to {@link Workers} that is its own future: the caller waits on it, within a
 * timeout, and may {@code cancel(true)} it (which interrupts it while it runs). Whatever the call
 * throws is the future's.
 *
 * @param <T> the call's result
 */
public final class Handed<T> extends FutureTask<T> implements Workers.Task<Object> {

    /** @param call what the worker runs */
    public Handed(Callable<T> call) {
        super(call);
    }

    /** @param call what the worker runs; the future's value is {@code null} */
    public Handed(Runnable call) {
        super(call, null);
    }

    @Override
    public void run(Object threadState) {
        run();
    }
}
