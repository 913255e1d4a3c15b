package dev.strata.migrations.fleet;

import dev.strata.migrations.core.FailurePolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs a list of targets on the fleet's workers, in order of the list as workers free up, and waits for all of them.
 * Once {@code stop} holds a reason, or the run was stopped from outside, targets not yet started are skipped.
 */
final class FleetBatch {
    private final FailurePolicy onFailure;
    private final FleetListener listener;
    private final Function<Target, TargetRun> runs;
    private final Function<TargetRun, TargetResult> work;
    private final FleetStop signals;
    private final ExecutorService workers;

    FleetBatch(FailurePolicy onFailure, FleetListener listener, Function<Target, TargetRun> runs,
               Function<TargetRun, TargetResult> work, FleetStop signals, ExecutorService workers) {
        this.onFailure = onFailure;
        this.listener = listener;
        this.runs = runs;
        this.work = work;
        this.signals = signals;
        this.workers = workers;
    }

    List<TargetResult> run(List<Target> targets, AtomicReference<String> stop) {
        List<Future<TargetResult>> futures = new ArrayList<>(targets.size());
        for (Target target : targets) {
            futures.add(workers.submit(() -> runOne(target, stop)));
        }
        List<TargetResult> results = new ArrayList<>(targets.size());
        for (Future<TargetResult> future : futures) {
            results.add(await(future));
        }
        return results;
    }

    private TargetResult runOne(Target target, AtomicReference<String> stop) {
        TargetRun run = runs.apply(target);
        try {
            Optional<String> reason = signals.starting(run.interruption())
                    .map(signal -> "not started: " + signal + " stopped the run")
                    .or(() -> Optional.ofNullable(stop.get()));
            if (reason.isPresent()) {
                TargetResult skipped = TargetResult.skipped(target, reason.get());
                listener.finished(skipped);
                return skipped;
            }
            listener.started(target);
            TargetResult result = work.apply(run);
            if (result.failed() && onFailure == FailurePolicy.STOP) {
                stop.compareAndSet(null, "not started: " + target.name() + " failed and on_failure is stop");
            }
            listener.finished(result);
            return result;
        } finally {
            signals.ended(run.interruption());
        }
    }

    private static TargetResult await(Future<TargetResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the fleet's targets", e);
        } catch (ExecutionException e) {
            // TargetRun turns every failure of a target into a result: what arrives here is a bug, or the listener's.
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("a fleet target's run failed", e.getCause());
        }
    }
}
