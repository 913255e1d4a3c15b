package dev.strata.it.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One case of the bad-input corpus: what the user got wrong, the exit code it must give, the fragments its error
 * must contain (each one specific to the mistake), and fragments it must not contain.
 *
 * @param target which database the run and the "nothing changed" check are about
 */
record BadInput(String name, int exitCode, List<String> expected, List<String> absent, Target target, Setup setup) {

    /** The shared database has V1-V3 applied; the empty one has no history table. */
    enum Target { MIGRATED, EMPTY }

    /** Turns the pristine case (the applied files, the deployer's URL, {@code strata migrate}) into the bad one. */
    @FunctionalInterface
    interface Setup {
        void apply(Context context) throws Exception;
    }

    static BadInput of(String name, int exitCode, Setup setup, String... expected) {
        return new BadInput(name, exitCode, List.of(expected), List.of(), Target.MIGRATED, setup);
    }

    BadInput without(String... fragments) {
        return new BadInput(name, exitCode, expected, List.of(fragments), target, setup);
    }

    BadInput on(Target database) {
        return new BadInput(name, exitCode, expected, absent, database, setup);
    }

    @Override
    public String toString() {
        return name;
    }

    /** What a setup may change: the files, the variables and the arguments of the run. */
    static final class Context {
        final Path migrations;
        final Path workingDirectory;
        final Map<String, String> environment;
        final List<String> arguments = new ArrayList<>(List.of("migrate"));
        final Map<String, String> urls;

        Context(Path workingDirectory, Path migrations, Map<String, String> environment, Map<String, String> urls) {
            this.workingDirectory = workingDirectory;
            this.migrations = migrations;
            this.environment = environment;
            this.urls = urls;
        }

        void write(String name, String content) throws IOException {
            writeBytes(name, content.getBytes(StandardCharsets.UTF_8));
        }

        void writeBytes(String name, byte[] content) throws IOException {
            Files.write(migrations.resolve(name), content);
        }

        void delete(String name) throws IOException {
            Files.delete(migrations.resolve(name));
        }

        /** Writes {@code strata.toml} and passes it with {@code --config}. */
        void config(String toml) {
            try {
                Path file = Files.writeString(workingDirectory.resolve("strata.toml"), toml);
                arguments.add("--config");
                arguments.add(file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void url(String url) {
            environment.put("STRATA_DATABASE__URL", url);
        }

        /** A URL the test class prepared, by name (see {@link BadInputTest}). */
        String prepared(String name) {
            String url = urls.get(name);
            if (url == null) {
                throw new IllegalArgumentException("no prepared URL " + name);
            }
            return url;
        }
    }
}
