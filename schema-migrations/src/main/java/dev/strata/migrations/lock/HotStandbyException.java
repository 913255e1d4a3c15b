package dev.strata.migrations.lock;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;

/**
 * A command that writes (migrate, baseline, repair, undo, adopt) was pointed at a hot standby: a replica in recovery
 * takes no write at all, so it is refused before anything is planned, locked or created there. The fix is where the
 * command runs, not in a file, hence a refusal (the CLI's exit code 2) rather than a failed migration.
 */
public final class HotStandbyException extends StrataException {
    /**
     * @param command  the command refused, as the user runs it: {@code migrate}, {@code baseline}, …
     * @param database how messages name the database (never with a password)
     */
    public HotStandbyException(String command, String database) {
        super("refusing to " + command + " " + database + ": it is a read-only hot standby (a replica in recovery,"
                        + " pg_is_in_recovery() is true), where nothing can be written; nothing was written",
                "run `strata " + command + "` against the primary, which the standby follows; `strata status` and"
                        + " `strata diff` work on the standby, which they only read");
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.REFUSED;
    }
}
