package dev.strata.migrations.lint;

/**
 * A table lock the replaying session held after a statement.
 *
 * @param relation  schema-qualified name
 * @param mode      the strongest mode held on it
 * @param sinceLine the line of the statement that first took it in this mode; transaction locks are held from there
 *                  to the end of the file
 */
public record RelationLock(String relation, LockMode mode, int sinceLine) {
}
