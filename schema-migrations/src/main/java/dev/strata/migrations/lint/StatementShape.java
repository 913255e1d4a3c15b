package dev.strata.migrations.lint;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of statement a normalized statement is, and the names in it, as far as the rules need them. The effects
 * come from the measurements; this only tells which rule's advice fits and which names to write into a fix.
 */
final class StatementShape {
    private static final String NAME = "((?:\"[^\"]+\"|[^\\s(,;]+))";
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "alter table (?:if exists )?(?:only )?" + NAME + " (.*)");
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "create (?:unique )?index (concurrently )?(?:if not exists )?(?:" + NAME + " )?on (?:only )?" + NAME + ".*");
    private static final Pattern DROP_INDEX = Pattern.compile("drop index (concurrently )?(?:if exists )?" + NAME + ".*");
    private static final Pattern DROP_TABLE = Pattern.compile("drop table (?:if exists )?" + NAME + ".*");
    private static final Pattern ADD_CONSTRAINT = Pattern.compile(
            "add (?:constraint " + NAME + " )?(check|foreign key|unique|primary key|exclude)\\b.*");
    private static final Pattern COLUMN_ACTION = Pattern.compile("alter (?:column )?" + NAME + " (.*)");
    private static final Pattern DROP_COLUMN = Pattern.compile("drop (?:column )?(?:if exists )?" + NAME + ".*");
    private static final Pattern RENAME_COLUMN = Pattern.compile("rename (?:column )?" + NAME + " to " + NAME + ".*");
    private static final Pattern RENAME_TABLE = Pattern.compile("rename to " + NAME + ".*");
    private static final Pattern ADD_COLUMN = Pattern.compile("add (?:column )?(?:if not exists )?" + NAME + " (.*)");

    /** {@code ALTER TABLE t <action>}: the table and the (first) action. */
    record AlterTable(String table, String action) {
        Optional<Matcher> action(Pattern pattern) {
            Matcher matcher = pattern.matcher(action);
            return matcher.matches() ? Optional.of(matcher) : Optional.empty();
        }

        /** {@code ADD [CONSTRAINT n] CHECK|FOREIGN KEY|UNIQUE|PRIMARY KEY|EXCLUDE}: (name or empty, kind). */
        Optional<String[]> addConstraint() {
            return action(ADD_CONSTRAINT).map(m -> new String[] {m.group(1) == null ? "" : m.group(1), m.group(2)});
        }

        /** {@code ALTER [COLUMN] c <what>}: (column, what). */
        Optional<String[]> columnAction() {
            return action(COLUMN_ACTION).map(m -> new String[] {m.group(1), m.group(2)});
        }

        /** {@code DROP [COLUMN] c}, not a constraint, default or other column property. */
        Optional<String> dropColumn() {
            if (action.matches("drop (constraint|default|not null|identity|expression)\\b.*")) {
                return Optional.empty();
            }
            return action(DROP_COLUMN).map(m -> m.group(1));
        }

        /** {@code RENAME [COLUMN] a TO b}: (a, b). */
        Optional<String[]> renameColumn() {
            if (action.startsWith("rename to ") || action.startsWith("rename constraint ")) {
                return Optional.empty();
            }
            return action(RENAME_COLUMN).map(m -> new String[] {m.group(1), m.group(2)});
        }

        Optional<String> renameTable() {
            return action(RENAME_TABLE).map(m -> m.group(1));
        }

        /** {@code ADD [COLUMN] c <definition>}, not a constraint: (column, definition). */
        Optional<String[]> addColumn() {
            if (addConstraint().isPresent() || action.startsWith("add constraint ")) {
                return Optional.empty();
            }
            return action(ADD_COLUMN).map(m -> new String[] {m.group(1), m.group(2)});
        }
    }

    /** {@code CREATE [UNIQUE] INDEX}: (concurrently?, index name or empty, table). */
    record CreateIndex(boolean concurrently, String index, String table) {
    }

    private StatementShape() {
    }

    static Optional<AlterTable> alterTable(String normalized) {
        Matcher matcher = ALTER_TABLE.matcher(normalized);
        return matcher.matches() ? Optional.of(new AlterTable(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    static Optional<CreateIndex> createIndex(String normalized) {
        Matcher matcher = CREATE_INDEX.matcher(normalized);
        return matcher.matches() ? Optional.of(new CreateIndex(matcher.group(1) != null,
                matcher.group(2) == null ? "" : matcher.group(2), matcher.group(3))) : Optional.empty();
    }

    /** {@code DROP INDEX}: whether it says CONCURRENTLY, and the (first) index. */
    static Optional<Matcher> dropIndex(String normalized) {
        Matcher matcher = DROP_INDEX.matcher(normalized);
        return matcher.matches() ? Optional.of(matcher) : Optional.empty();
    }

    static Optional<String> dropTable(String normalized) {
        Matcher matcher = DROP_TABLE.matcher(normalized);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * The qualified name of a relation a statement names, among those that existed before: {@code jobs} is found as
     * {@code public.jobs} (or in another schema when only one has it).
     */
    static Optional<String> existing(StatementFacts facts, String name) {
        String bare = name.replace("\"", "");
        if (facts.existed(bare)) {
            return Optional.of(bare);
        }
        if (facts.existed("public." + bare)) {
            return Optional.of("public." + bare);
        }
        return facts.existing().stream().filter(relation -> relation.endsWith("." + bare)).sorted().findFirst();
    }
}
