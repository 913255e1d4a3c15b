package dev.strata.cli.command;

import dev.strata.cli.CliContext;
import dev.strata.cli.ExitCode;
import dev.strata.cli.database.DatabaseSession;
import dev.strata.cli.database.ScratchDatabase;
import dev.strata.cli.fleet.FleetRequest;
import dev.strata.cli.fleet.FleetRun;
import dev.strata.cli.fleet.TargetsOptions;
import dev.strata.cli.output.Renderer;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.drift.DriftDetectedException;
import dev.strata.migrations.drift.DriftExclusions;
import dev.strata.migrations.drift.DriftReport;
import dev.strata.migrations.drift.ExclusionPattern;
import dev.strata.migrations.fleet.FleetCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Command(name = "diff",
        description = {
                "Compare the database's schema with the schema its migrations produce, to find changes made by hand.",
                "",
                "Replays the migrations the database has applied into an empty scratch database (a temporary "
                        + "embedded PostgreSQL, or a database created on --scratch-url and dropped afterwards) and "
                        + "compares the two catalogs object by object. Changes nothing in the database. Exit code 0 "
                        + "when they match, 4 when the database has drifted (each difference is listed with both "
                        + "sides). Pending migrations are not drift.",
                "",
                "With --targets, every selected target is compared, all against one scratch database (a tenant's "
                        + "files replay into a schema of its name there), and one summary lists each target; exit "
                        + "code 4 when any drifted."
        })
public final class DiffCommand extends DatabaseCommand {
    @Option(names = "--scratch-url", paramLabel = "URL",
            description = "A server to replay the migrations on, e.g. postgresql://user:pass@host:5432/postgres: "
                    + "strata creates a uniquely named database there (the user needs CREATEDB) and drops it "
                    + "afterwards. Use a server of the database's PostgreSQL major. Default: a temporary embedded "
                    + "PostgreSQL.")
    String scratchUrl;

    @Option(names = "--exclude", paramLabel = "PATTERN",
            description = "Leave matching objects out of the comparison, on both sides; repeatable, and added to "
                    + "drift.exclude. schema:<glob> (a whole schema), kind:<kind> (e.g. kind:function), "
                    + "<kind>:<glob> (e.g. table:public.audit_log, function:public.tmp_*) or object:<glob> (any "
                    + "kind); * stands for any characters, names are schema-qualified as diff prints them. Other "
                    + "tools' history tables (flyway_schema_history, _sqlx_migrations, …) are left out by default "
                    + "(drift.exclude_tool_history). The output lists what each pattern left out.")
    List<String> excludes = new ArrayList<>();

    @Mixin
    TargetsOptions targets;

    DiffCommand(CliContext context) {
        super("diff", context);
    }

    @Override
    public Integer call() {
        // Parsed before anything starts, so a malformed URL is a usage error that leaves nothing behind.
        Optional<DatabaseUrl> scratchServer = Optional.ofNullable(scratchUrl)
                .map(url -> DatabaseUrl.parse(url, "--scratch-url"));
        scratchServer.ifPresent(url -> url.secrets().forEach(context.masker()::add));
        List<ExclusionPattern> excluded = DriftExclusions.parseOption(excludes);
        Optional<Integer> fleetRun = FleetRun.ifTargets(this, targets, FleetRequest.of(FleetCommand.DIFF,
                (fleet, config, selected, options, listener, fleetContext) -> {
                    // The configuration's patterns are checked before a scratch server starts.
                    DriftExclusions exclusions = DriftExclusions.of(config.drift().excludeToolHistory(),
                            config.drift().exclude(), config.drift().excludeOrigin(), excluded);
                    try (ScratchDatabase scratch = scratchServer
                            .map(url -> ScratchDatabase.onServer(url, config.database().connectTimeout()))
                            .orElseGet(ScratchDatabase::embedded)) {
                        report.scratch(scratch.connectionSource().description());
                        return fleet.diff(selected, options, listener, fleetContext.interruption(),
                                scratch.connectionSource(), exclusions);
                    }
                }));
        if (fleetRun.isPresent()) {
            return fleetRun.get();
        }
        try (DatabaseSession session = openSession(context)) {
            // The configuration's patterns are checked before a scratch server starts.
            DriftExclusions exclusions = session.driftExclusions(excluded);
            return compare(session, scratchServer, exclusions);
        }
    }

    private Integer compare(DatabaseSession session, Optional<DatabaseUrl> scratchServer, DriftExclusions exclusions) {
        try (ScratchDatabase scratch = scratchServer
                .map(url -> ScratchDatabase.onServer(url, session.connectTimeout()))
                .orElseGet(ScratchDatabase::embedded)) {
            String scratchDescription = scratch.connectionSource().description();
            report.scratch(scratchDescription);
            DriftReport drift = session.driftCheck(scratch.connectionSource(), exclusions).run();
            Renderer renderer = renderer();
            renderer.compared(session.description(), scratchDescription, drift);
            if (drift.drifted()) {
                // Exit 4 through the one error path: stderr says what to do, JSON gets the "error" object.
                throw new DriftDetectedException(session.description(), drift);
            }
            renderer.finished();
            return ExitCode.SUCCESS.code();
        }
    }
}
