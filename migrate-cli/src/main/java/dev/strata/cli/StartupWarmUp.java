package dev.strata.cli;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.NumberFormat;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * Does, on the second core, the one-time set-up that a database command would otherwise wait for later, while the
 * main thread parses the command line (picocli reads its annotations: about a tenth of a second, on one core). The
 * driver's first connection loads the time-zone database, the locale data (its version parsing uses a
 * {@link NumberFormat}) and a {@link Calendar}; checksumming the files starts with the lookup of SHA-256's
 * provider. Each is initialised once per JVM, thread-safely, so doing it early only moves it off the critical path
 * (about 50 ms of a 0.5 s {@code strata validate}; benchmarks/README.md).
 */
final class StartupWarmUp {
    private StartupWarmUp() {
    }

    static void start() {
        Thread thread = new Thread(StartupWarmUp::run, "strata-warm-up");
        thread.setDaemon(true); // never keeps the JVM alive: `strata --version` exits without waiting for it
        thread.start();
    }

    private static void run() {
        TimeZone.getDefault();
        NumberFormat.getIntegerInstance();
        Calendar.getInstance();
        org.postgresql.Driver.isRegistered();
        try {
            MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java runtime has SHA-256; if not, the checksum reports it where it matters.
        }
    }
}
