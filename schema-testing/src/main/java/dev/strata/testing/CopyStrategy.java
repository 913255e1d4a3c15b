package dev.strata.testing;

/**
 * How PostgreSQL (15 and newer) copies the template into a test database.
 *
 * <ul>
 *   <li>{@link #SERVER_DEFAULT}: the server's default, {@code WAL_LOG}, which writes every page to the WAL; right
 *   for a server others use too.</li>
 *   <li>{@link #FILE_COPY}: copies the files and forces two checkpoints; on the private, in-memory embedded server the
 *   checkpoints cost next to nothing and the copy takes about half the time.</li>
 * </ul>
 */
enum CopyStrategy {
    SERVER_DEFAULT,
    FILE_COPY;

    /** The clause for CREATE DATABASE on a server of this version ({@code STRATEGY} exists since PostgreSQL 15). */
    String clause(int serverVersionNumber) {
        return this == FILE_COPY && serverVersionNumber >= 150000 ? " strategy file_copy" : "";
    }
}
