package dev.strata.bench;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * One timed run of one tool.
 *
 * @param peakRssKb the process's peak resident set size (GNU time's {@code %M}); empty for in-process runs
 */
record Measurement(Duration elapsed, OptionalLong peakRssKb) {
    static Measurement inProcess(long startedNanos) {
        return new Measurement(Duration.ofNanos(System.nanoTime() - startedNanos), OptionalLong.empty());
    }
}
