package dev.strata.testing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Names of the databases this JVM creates: {@code strata_template_<run>_<n>}, {@code strata_test_<run>_<n>} and
 * {@code strata_scratch_<run>_<n>}, where
 * {@code <run>} is random per JVM, so parallel builds on one shared server never collide, and what a crashed build
 * left behind is easy to find ({@code select datname from pg_database where datname like 'strata\_%'}).
 */
final class DatabaseNames {
    private static final String RUN = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private static final AtomicLong COUNTER = new AtomicLong();

    private DatabaseNames() {
    }

    static String template() {
        return "strata_template_" + RUN + "_" + COUNTER.incrementAndGet();
    }

    /** An empty database that {@link StrataAssertions} replays migrations into, then drops. */
    static String scratch() {
        return "strata_scratch_" + RUN + "_" + COUNTER.incrementAndGet();
    }

    static String test() {
        return "strata_test_" + RUN + "_" + COUNTER.incrementAndGet();
    }
}
