package dev.strata.cli.command;

import dev.strata.cli.CliContext;
import dev.strata.cli.database.ScratchDatabase;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.lint.ScratchDatabases;
import dev.strata.migrations.lint.SharedScratchServer;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Optional;

/** {@code --scratch-url}: where {@code lint} (and the {@code migrations.lint} gate) replays the migrations. */
public final class ScratchOptions {
    @Option(names = "--scratch-url", paramLabel = "URL",
            description = "A server to replay on, e.g. postgresql://user:pass@host:5432/postgres: strata creates a "
                    + "uniquely named database there (the user needs CREATEDB) and drops it afterwards. Use the "
                    + "database's PostgreSQL major: lock modes and rewrites differ between majors. Default: a "
                    + "temporary embedded PostgreSQL.")
    String scratchUrl;

    /** The server of {@code --scratch-url}, its secrets added to the masker; empty for the embedded default. */
    Optional<DatabaseUrl> server(CliContext context) {
        Optional<DatabaseUrl> server = Optional.ofNullable(scratchUrl)
                .map(url -> DatabaseUrl.parse(url, "--scratch-url"));
        server.ifPresent(url -> url.secrets().forEach(context.masker()::add));
        return server;
    }

    /**
     * A scratch database per lint of the {@code migrations.lint} gate: on {@code --scratch-url}, or embedded. A fleet
     * run {@linkplain ScratchDatabases#shared() shares} them: one embedded server for all its targets, a database each.
     */
    public ScratchDatabases databases(CliContext context, Duration connectTimeout) {
        Optional<DatabaseUrl> server = server(context);
        return new ScratchDatabases() {
            @Override
            public Scratch open() {
                ScratchDatabase database = ScratchOptions.open(server, connectTimeout);
                return ScratchDatabases.Scratch.of(database.connectionSource(), database::close);
            }

            @Override
            public Shared shared() {
                return server.isPresent() ? ScratchDatabases.super.shared()
                        : new SharedScratchServer(() -> ScratchDatabase.embeddedServer(connectTimeout));
            }
        };
    }

    /** A new scratch database on that server, or a temporary embedded PostgreSQL. */
    static ScratchDatabase open(Optional<DatabaseUrl> server, Duration connectTimeout) {
        return server.map(url -> ScratchDatabase.onServer(url, connectTimeout)).orElseGet(ScratchDatabase::embedded);
    }
}
