package dev.strata.migrations.lock;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;

/**
 * A command that writes was given a session that is read-only although its server is a primary:
 * {@code default_transaction_read_only} is on for the database, the user or the server (a maintenance freeze, a
 * reporting role). Every write would fail with SQLSTATE 25006, the first one reading as a failed migration; like a hot
 * standby, it is refused before anything is planned, locked or created (the CLI's exit code 2).
 */
public final class ReadOnlySessionException extends StrataException {
    /**
     * @param command  the command refused, as the user runs it: {@code migrate}, {@code baseline}, …
     * @param database how messages name the database (never with a password)
     */
    public ReadOnlySessionException(String command, String database) {
        super("refusing to " + command + " " + database + ": its sessions are read-only (default_transaction_read_only"
                        + " is on for this database, its user or the server), so nothing can be written; nothing was"
                        + " written",
                "find where it is set with `select * from pg_db_role_setting` or `show default_transaction_read_only`,"
                        + " and turn it off for the migration user (`alter role <user> set default_transaction_read_only"
                        + " = off`) or run `strata " + command + "` once the database takes writes again");
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.REFUSED;
    }
}
