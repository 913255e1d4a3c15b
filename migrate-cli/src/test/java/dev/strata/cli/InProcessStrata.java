package dev.strata.cli;

import dev.strata.cli.output.MaskingOutputStream;
import dev.strata.cli.output.SecretMasker;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs {@link StrataMain#run} in this JVM with stdout and stderr captured, masked as the real executable masks them. */
final class InProcessStrata {
    private InProcessStrata() {
    }

    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    static Result run(Path workingDirectory, Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SecretMasker masker = SecretMasker.from(environment, args);
        int code = StrataMain.run(args, environment, workingDirectory,
                new PrintStream(new MaskingOutputStream(out, masker), true, StandardCharsets.UTF_8),
                new PrintStream(new MaskingOutputStream(err, masker), true, StandardCharsets.UTF_8), masker);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
