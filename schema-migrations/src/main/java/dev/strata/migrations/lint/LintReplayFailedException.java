package dev.strata.migrations.lint;

import dev.strata.migrations.core.StrataException;

/** A statement failed while being replayed on the scratch database, so there is nothing to measure after it. */
public final class LintReplayFailedException extends StrataException {
    public LintReplayFailedException(String script, int line, String scratch, String failure) {
        super(script + " line " + line + " failed when replayed on the scratch database (" + scratch + "): " + failure,
                "nothing was changed in the target database; `migrate` would fail there too, unless the scratch "
                        + "database lacks something the target has (roles, extensions): then give --scratch-url a "
                        + "server that has them");
    }
}
