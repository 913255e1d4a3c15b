package dev.strata.it;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The suite's secrets (every test password) and everything the suite printed: the output of every {@code strata}
 * process and this JVM's own stdout and stderr, logs included. {@link SecretScan} checks after each test class that
 * no secret occurs in any of it. Reports never show a secret, only which one (by number) and where.
 */
public final class Secrets {
    /** Shorter passwords ("test", "postgres") are words that occur in ordinary output, so they cannot be scanned for. */
    static final int MIN_LENGTH = 8;

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final List<Output> OUTPUTS = Collections.synchronizedList(new ArrayList<>());
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static boolean consoleRecorded;

    /** One captured output: where it came from (e.g. "stderr of strata migrate") and its text. */
    public record Output(String source, String text) {
    }

    private Secrets() {
    }

    /** Adds a secret to scan for; returns it, for use in an expression. */
    public static String register(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            SECRETS.add(secret);
        }
        return secret;
    }

    public static void recordOutput(String source, String text) {
        OUTPUTS.add(new Output(source, text));
    }

    public static int outputCount() {
        return OUTPUTS.size();
    }

    public static int secretCount() {
        return SECRETS.size();
    }

    /** From now on, everything this JVM writes to System.out and System.err is also kept for the scan. */
    static synchronized void recordConsole() {
        if (consoleRecorded) {
            return;
        }
        consoleRecorded = true;
        System.setOut(new PrintStream(new Tee(System.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(System.err), true, StandardCharsets.UTF_8));
    }

    /** Where a secret occurs: "secret #2 (12 chars) in <source>, line 3: <the line with the secret masked>". */
    static List<String> leaks() {
        List<Output> outputs;
        synchronized (OUTPUTS) {
            outputs = new ArrayList<>(OUTPUTS);
        }
        synchronized (CONSOLE) {
            outputs.add(new Output("this JVM's console (stdout, stderr, logs)", CONSOLE.toString(StandardCharsets.UTF_8)));
        }
        return find(outputs, new ArrayList<>(SECRETS));
    }

    /** The lines of {@code outputs} that hold one of {@code secrets}, described with every secret masked. */
    static List<String> find(List<Output> outputs, List<String> secrets) {
        List<String> leaks = new ArrayList<>();
        for (Output output : outputs) {
            List<String> lines = output.text().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                for (int s = 0; s < secrets.size(); s++) {
                    if (line.contains(secrets.get(s))) {
                        String masked = line;
                        for (String secret : secrets) {
                            masked = masked.replace(secret, "<secret>");
                        }
                        leaks.add("secret #" + s + " (" + secrets.get(s).length() + " chars) in " + output.source()
                                + ", line " + (i + 1) + ": " + masked);
                    }
                }
            }
        }
        return leaks;
    }

    /** Passes every byte on, and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream target;

        Tee(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            target.write(b);
            synchronized (CONSOLE) {
                CONSOLE.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
            target.write(bytes, offset, length);
            synchronized (CONSOLE) {
                CONSOLE.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            target.flush();
        }
    }
}
