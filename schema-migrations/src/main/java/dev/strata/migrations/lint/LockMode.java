package dev.strata.migrations.lint;

import java.util.Arrays;
import java.util.Optional;

/** PostgreSQL's table lock modes, weakest first, as {@code pg_locks.mode} names them, with what each blocks. */
public enum LockMode {
    ACCESS_SHARE("AccessShareLock", "blocks only ACCESS EXCLUSIVE"),
    ROW_SHARE("RowShareLock", "blocks EXCLUSIVE and ACCESS EXCLUSIVE"),
    ROW_EXCLUSIVE("RowExclusiveLock", "blocks SHARE and stronger, such as CREATE INDEX"),
    SHARE_UPDATE_EXCLUSIVE("ShareUpdateExclusiveLock", "blocks schema changes and VACUUM, not reads or writes"),
    SHARE("ShareLock", "blocks writes"),
    SHARE_ROW_EXCLUSIVE("ShareRowExclusiveLock", "blocks writes"),
    EXCLUSIVE("ExclusiveLock", "blocks writes and SELECT ... FOR UPDATE"),
    ACCESS_EXCLUSIVE("AccessExclusiveLock", "blocks reads and writes");

    private final String pgName;
    private final String blocks;

    LockMode(String pgName, String blocks) {
        this.pgName = pgName;
        this.blocks = blocks;
    }

    /** The mode {@code pg_locks} reports, e.g. {@code AccessExclusiveLock}; empty for a mode that is not a table lock. */
    public static Optional<LockMode> ofPgName(String pgName) {
        return Arrays.stream(values()).filter(mode -> mode.pgName.equals(pgName)).findFirst();
    }

    /** As SQL writes it: {@code ACCESS EXCLUSIVE}. */
    public String sqlName() {
        return name().replace('_', ' ');
    }

    public String blocks() {
        return blocks;
    }

    /** Whether ordinary writes (INSERT, UPDATE, DELETE) wait for it. */
    public boolean blocksWrites() {
        return compareTo(SHARE) >= 0;
    }
}
