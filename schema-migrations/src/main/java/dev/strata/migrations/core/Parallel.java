package dev.strata.migrations.core;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Maps independent items (migration files being read and checksummed, or split) over the cores once there are
 * enough of them: a cold JVM spends most of a short command on this per-file work. The order is kept.
 */
public final class Parallel {
    /** Below this many items, starting the fork-join pool's worker costs more than it saves. */
    private static final int THRESHOLD = 64;

    private Parallel() {
    }

    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> function) {
        Stream<T> stream = items.size() < THRESHOLD ? items.stream() : items.parallelStream();
        return stream.<R>map(function).toList();
    }
}
