package dev.strata.migrations.execute.progress;

import dev.strata.migrations.core.ResolvedMigration;

/**
 * A notice or warning the server sent while a migration ran ({@code RAISE NOTICE}, {@code RAISE WARNING}, "relation
 * already exists, skipping", …), with where in the file it came from.
 *
 * @param firstLine the line of the statement that sent it
 * @param lastLine  equal to {@code firstLine}, or the last statement's line when the statements were pipelined and
 *                  the notice can only be placed among them
 * @param severity  NOTICE, WARNING, INFO, … as the server names it
 */
public record ServerNotice(ResolvedMigration migration, int firstLine, int lastLine, String severity,
                           String message) {

    /** {@code path:line: SEVERITY: message}, as a compiler prints its warnings. */
    public String describe() {
        String lines = firstLine == lastLine ? String.valueOf(firstLine) : firstLine + "-" + lastLine;
        return migration.path() + ":" + lines + ": " + severity + ": " + message;
    }
}
