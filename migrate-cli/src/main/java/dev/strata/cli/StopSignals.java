package dev.strata.cli;

import dev.strata.migrations.execute.progress.Interruption;
import sun.misc.Signal;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SIGINT and SIGTERM while migrations run stop the run through its {@link Interruption} instead of ending the JVM
 * mid-file: the running statement is cancelled, a transactional file is rolled back, a non-transactional one gets a
 * failed history row naming the statement reached, and the command reports it and exits with 128 + the signal's number
 * (130, 143). Outside a run, and on a second signal, the process exits at once as it would without this handler.
 */
final class StopSignals {
    private StopSignals() {
    }

    static void install(Interruption interruption) {
        AtomicBoolean signalled = new AtomicBoolean();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    boolean first = signalled.compareAndSet(false, true);
                    if (!first || !interruption.interrupt("SIG" + signal.getName())) {
                        System.exit(128 + signal.getNumber());
                    }
                });
            } catch (IllegalArgumentException e) {
                // The signal is ignored (a background job's SIGINT) or reserved: leave it as the JVM has it.
            }
        }
    }
}
