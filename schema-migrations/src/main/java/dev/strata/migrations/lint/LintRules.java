package dev.strata.migrations.lint;

import dev.strata.migrations.lint.LintRule.Match;
import dev.strata.migrations.lint.StatementShape.AlterTable;

import java.util.List;
import java.util.Optional;

import static dev.strata.migrations.lint.Severity.ERROR;
import static dev.strata.migrations.lint.Severity.WARNING;

/**
 * The rules. Each applies only where the replay measured the harm (a lock, a rewrite, a scan of a relation that
 * existed before the file or run), so a table created in the same run, or a change PostgreSQL makes without rewriting,
 * gets no finding.
 */
public final class LintRules {
    public static final LintRule CREATE_INDEX = new LintRule("create-index-not-concurrently", ERROR,
            "CREATE INDEX holds SHARE on the table while it builds: every INSERT, UPDATE and DELETE waits for the"
                    + " whole build", true,
            facts -> StatementShape.createIndex(facts.normalized())
                    .filter(index -> !index.concurrently())
                    .flatMap(index -> StatementShape.existing(facts, index.table()))
                    .filter(table -> held(facts, table, LockMode.SHARE))
                    .map(table -> new Match(table, "builds an index without CONCURRENTLY",
                            "-- strata:transaction=false   (CONCURRENTLY cannot run in a transaction: a file of its own)\n"
                                    + withWord(facts.sql(), "index", "concurrently") + ";")));

    public static final LintRule DROP_INDEX = new LintRule("drop-index-not-concurrently", WARNING,
            "DROP INDEX takes ACCESS EXCLUSIVE on the index's table: reads and writes wait, and so does everything"
                    + " queued behind it", true,
            facts -> StatementShape.dropIndex(facts.normalized())
                    .filter(drop -> drop.group(1) == null)
                    .flatMap(drop -> facts.acquiredOnExisting(LockMode.ACCESS_EXCLUSIVE).map(RelationLock::relation)
                            // Its table locked earlier in the file: the index itself existed.
                            .or(() -> StatementShape.existing(facts, drop.group(2))))
                    .map(relation -> new Match(relation, "drops an index without CONCURRENTLY",
                            "-- strata:transaction=false   (a file of its own)\n"
                                    + withWord(facts.sql(), "index", "concurrently") + ";")));

    public static final LintRule CONSTRAINT_NOT_VALID = new LintRule("constraint-not-valid", ERROR,
            "adding a CHECK or FOREIGN KEY constraint reads every row to validate it while holding a lock that"
                    + " blocks writes; NOT VALID adds it at once (new rows are checked) and VALIDATE CONSTRAINT later"
                    + " reads the rows under SHARE UPDATE EXCLUSIVE, which lets reads and writes go on", true,
            facts -> StatementShape.alterTable(facts.normalized()).flatMap(alter -> alter.addConstraint()
                    .filter(constraint -> constraint[1].equals("check") || constraint[1].equals("foreign key"))
                    .filter(constraint -> !facts.normalized().contains(" not valid"))
                    .flatMap(constraint -> StatementShape.existing(facts, alter.table())
                            .filter(table -> facts.scannedExisting().isPresent())
                            .map(table -> {
                                String name = constraint[0].isEmpty() ? "<constraint name>" : constraint[0];
                                return new Match(table, "validates a new " + constraint[1].toUpperCase()
                                        + " constraint by scanning " + String.join(", ", existingScans(facts)),
                                        facts.sql().strip() + (isUpperCase(facts.sql()) ? " NOT VALID" : " not valid")
                                                + ";\n-- then, in a later file:\nalter table "
                                                + alter.table() + " validate constraint " + name + ";");
                            }))));

    public static final LintRule SET_NOT_NULL = new LintRule("set-not-null-scan", WARNING,
            "SET NOT NULL reads every row under ACCESS EXCLUSIVE, unless a validated CHECK (column IS NOT NULL)"
                    + " already proves it", true,
            facts -> StatementShape.alterTable(facts.normalized()).flatMap(alter -> alter.columnAction()
                    .filter(column -> column[1].startsWith("set not null"))
                    .flatMap(column -> StatementShape.existing(facts, alter.table())
                            .filter(table -> facts.scans().contains(table))
                            .map(table -> new Match(table, "scans the table to check " + column[0] + " IS NOT NULL",
                                    notNullViaCheck(alter.table(), column[0]))))));

    public static final LintRule COLUMN_TYPE_REWRITE = new LintRule("column-type-rewrite", ERROR,
            "this type change rewrites the whole table and its indexes under ACCESS EXCLUSIVE (a change PostgreSQL"
                    + " can make without a rewrite, such as widening a varchar, is not reported)", true,
            facts -> StatementShape.alterTable(facts.normalized()).flatMap(alter -> alter.columnAction()
                    .filter(column -> column[1].matches("(set data )?type .*"))
                    .flatMap(column -> rewritten(facts, alter.table())
                            .map(table -> new Match(table, "rewrites the table to change the type of " + column[0],
                                    expandContractType(alter.table(), column[0]))))));

    public static final LintRule VOLATILE_DEFAULT = new LintRule("volatile-default-rewrite", ERROR,
            "a column added with a volatile default (random(), clock_timestamp(), gen_random_uuid() …) rewrites the"
                    + " table under ACCESS EXCLUSIVE to store a value per row; a constant default does not", true,
            facts -> StatementShape.alterTable(facts.normalized()).flatMap(alter -> alter.addColumn()
                    .filter(column -> column[1].contains(" default "))
                    .flatMap(column -> rewritten(facts, alter.table())
                            .map(table -> new Match(table, "rewrites the table to fill the new column " + column[0],
                                    "alter table " + alter.table() + " add column " + column[0] + " "
                                            + column[1].replaceFirst(" default .*", "") + ";\n"
                                            + "alter table " + alter.table() + " alter column " + column[0]
                                            + " set default " + column[1].replaceFirst(".* default ", "") + ";\n"
                                            + "-- then backfill existing rows in batches, in later transactions:\n"
                                            + "update " + alter.table() + " set " + column[0] + " = default where "
                                            + column[0] + " is null and <key> between :from and :to;")))));

    public static final LintRule TABLE_REWRITE = new LintRule("table-rewrite", ERROR,
            "the statement copies the whole table and rebuilds its indexes under ACCESS EXCLUSIVE", true,
            facts -> facts.rewroteExisting()
                    .filter(table -> COLUMN_TYPE_REWRITE.check(facts).isEmpty() && VOLATILE_DEFAULT.check(facts).isEmpty())
                    .map(table -> new Match(table, "rewrites the table",
                            "-- build the new shape beside the old one (a new column or table), copy in batches,"
                                    + " switch, then drop the old one")));

    public static final LintRule UNIQUE_CONSTRAINT = new LintRule("unique-constraint-without-index", ERROR,
            "adding a UNIQUE or PRIMARY KEY constraint builds its index under ACCESS EXCLUSIVE; build the index"
                    + " CONCURRENTLY first, then attach it with USING INDEX, which is instant", true,
            facts -> StatementShape.alterTable(facts.normalized()).flatMap(alter -> alter.addConstraint()
                    .filter(constraint -> constraint[1].equals("unique") || constraint[1].equals("primary key"))
                    .filter(constraint -> !facts.normalized().contains(" using index"))
                    .flatMap(constraint -> StatementShape.existing(facts, alter.table())
                            .filter(table -> held(facts, table, LockMode.ACCESS_EXCLUSIVE))
                            .map(table -> {
                                String name = constraint[0].isEmpty() ? "<constraint name>" : constraint[0];
                                String columns = facts.normalized().replaceFirst(".*" + constraint[1] + " ?", "");
                                return new Match(table, "builds the index of a " + constraint[1].toUpperCase()
                                        + " constraint while holding ACCESS EXCLUSIVE",
                                        "-- strata:transaction=false   (a file of its own)\ncreate unique index"
                                                + " concurrently " + name + " on " + alter.table() + " " + columns
                                                + ";\n-- then, in the next file:\nalter table " + alter.table()
                                                + " add constraint " + name + " " + constraint[1] + " using index "
                                                + name + ";");
                            }))));

    public static final LintRule LOCK_TIMEOUT = new LintRule("lock-timeout-missing", WARNING,
            "waiting for ACCESS EXCLUSIVE behind one long query queues every later query on the table behind the"
                    + " migration; with lock_timeout it gives up instead, and can be retried", false,
            facts -> facts.lockTimeout().isPresent() ? Optional.empty()
                    : facts.acquiredOnExisting(LockMode.ACCESS_EXCLUSIVE)
                    .map(lock -> new Match(lock.relation(), "waits for ACCESS EXCLUSIVE without a lock_timeout",
                            "-- strata:lock_timeout=5s   (above the file's first statement)\n" + facts.sql().strip()
                                    + ";")));

    public static final LintRule DROP_TABLE = new LintRule("drop-table", ERROR,
            "code that still reads or writes the table fails as soon as it is gone: running instances of the"
                    + " previous release, too", false,
            facts -> StatementShape.dropTable(facts.normalized())
                    .flatMap(table -> StatementShape.existing(facts, table))
                    .map(table -> new Match(table, "drops a table", contract("table " + table))));

    public static final LintRule DROP_COLUMN = new LintRule("drop-column", ERROR,
            "code that still reads or writes the column fails as soon as it is gone: running instances of the"
                    + " previous release, too", false,
            facts -> StatementShape.alterTable(facts.normalized()).flatMap(alter -> alter.dropColumn()
                    .flatMap(column -> StatementShape.existing(facts, alter.table())
                            .map(table -> new Match(table, "drops column " + column,
                                    contract("column " + alter.table() + "." + column))))));

    public static final LintRule RENAME_TABLE = new LintRule("rename-table", ERROR,
            "code of the previous release still uses the old name and fails while both releases run", false,
            facts -> StatementShape.alterTable(facts.normalized()).flatMap(alter -> alter.renameTable()
                    .flatMap(to -> StatementShape.existing(facts, to))
                    .map(table -> new Match(table, "renames table " + alter.table(), "create table <new> (…);"
                            + "   -- expand: the new table, written by both releases; copy the rows in batches;\n"
                            + "-- contract, after every instance runs the new release: drop table "
                            + alter.table() + ";"))));

    public static final LintRule RENAME_COLUMN = new LintRule("rename-column", ERROR,
            "code of the previous release still uses the old name and fails while both releases run", false,
            facts -> StatementShape.alterTable(facts.normalized()).flatMap(alter -> alter.renameColumn()
                    .flatMap(columns -> StatementShape.existing(facts, alter.table())
                            .map(table -> new Match(table, "renames column " + columns[0] + " to " + columns[1],
                                    "alter table " + alter.table() + " add column " + columns[1] + " <type>;\n"
                                            + "-- write both columns from the code, backfill " + columns[1]
                                            + " in batches, read " + columns[1] + ";\n-- contract, in a later"
                                            + " release: alter table " + alter.table() + " drop column "
                                            + columns[0] + ";")))));

    public static final LintRule NOT_NULL_ADDED = new LintRule("not-null-added", WARNING,
            "code of the previous release that does not write this column fails on INSERT once it is NOT NULL (unless"
                    + " the column has a default by then, which the replay reads)", false,
            facts -> StatementShape.alterTable(facts.normalized()).flatMap(alter -> StatementShape.existing(facts,
                    alter.table()).flatMap(table -> alter.columnAction()
                    .filter(column -> column[1].startsWith("set not null")).map(column -> column[0])
                    .filter(column -> !facts.defaults().contains(table + "." + column.replace("\"", "")))
                    .or(() -> alter.addColumn().filter(column -> column[1].contains("not null")
                            && !column[1].contains(" default ")).map(column -> column[0]))
                    .map(column -> new Match(table, "makes " + column + " NOT NULL",
                            "-- first release code that writes " + column + " on every INSERT, or give it a default:\n"
                                    + "alter table " + alter.table() + " alter column " + column
                                    + " set default <value>;")))));

    /** Every rule, in the order findings on one statement are listed. */
    public static final List<LintRule> ALL = List.of(CREATE_INDEX, DROP_INDEX, CONSTRAINT_NOT_VALID, SET_NOT_NULL,
            COLUMN_TYPE_REWRITE, VOLATILE_DEFAULT, TABLE_REWRITE, UNIQUE_CONSTRAINT, LOCK_TIMEOUT, DROP_TABLE,
            DROP_COLUMN, RENAME_TABLE, RENAME_COLUMN, NOT_NULL_ADDED);

    private LintRules() {
    }

    /** A rule of either set, the opt-in style rules included: an allow line may name any. */
    public static Optional<LintRule> named(String name) {
        return java.util.stream.Stream.concat(ALL.stream(), StyleRules.ALL.stream())
                .filter(rule -> rule.name().equals(name)).findFirst();
    }

    /**
     * The statement as written with {@code word} inserted after the first {@code after} keyword, in the keyword's
     * case: {@code CREATE INDEX i} becomes {@code CREATE INDEX CONCURRENTLY i}, and the same in lower case.
     */
    static String withWord(String sql, String after, String word) {
        java.util.regex.Matcher keyword = java.util.regex.Pattern.compile("(?i)\\b" + after + "\\b").matcher(sql);
        if (!keyword.find()) {
            return sql.strip();
        }
        String inserted = keyword.group().equals(keyword.group().toUpperCase(java.util.Locale.ROOT))
                ? word.toUpperCase(java.util.Locale.ROOT) : word;
        return (sql.substring(0, keyword.end()) + " " + inserted + sql.substring(keyword.end())).strip();
    }

    /** Whether the statement starts with an upper-case keyword, so that a clause added to it matches. */
    private static boolean isUpperCase(String sql) {
        String first = sql.strip().split("\\s+")[0];
        return first.equals(first.toUpperCase(java.util.Locale.ROOT));
    }

    private static boolean held(StatementFacts facts, String table, LockMode atLeast) {
        return facts.heldOn(table).filter(lock -> lock.mode().compareTo(atLeast) >= 0).isPresent();
    }

    private static Optional<String> rewritten(StatementFacts facts, String name) {
        return StatementShape.existing(facts, name).filter(facts.rewrites()::contains);
    }

    private static List<String> existingScans(StatementFacts facts) {
        return facts.scans().stream().filter(facts::existed).map(LintReviewer::display).toList();
    }

    private static String notNullViaCheck(String table, String column) {
        String check = (table.replaceAll(".*\\.", "") + "_" + column + "_not_null").replace("\"", "");
        return "alter table " + table + " add constraint " + check + " check (" + column + " is not null) not valid;\n"
                + "-- then, in a later file (reads the rows without blocking writes):\n"
                + "alter table " + table + " validate constraint " + check + ";\n"
                + "alter table " + table + " alter column " + column + " set not null;   -- no scan now\n"
                + "alter table " + table + " drop constraint " + check + ";";
    }

    private static String expandContractType(String table, String column) {
        return "alter table " + table + " add column " + column + "_new <new type>;\n"
                + "-- write both columns from the code (or a trigger), backfill " + column + "_new in batches;\n"
                + "-- switch reads to " + column + "_new, then in a later release:\n"
                + "alter table " + table + " drop column " + column + ";";
    }

    private static String contract(String what) {
        return "-- expand and contract: release code that no longer uses the " + what + " first; drop it in a later"
                + " release, once no running instance uses it, with\n-- strata:allow=<this rule> <why it is unused now>";
    }
}
