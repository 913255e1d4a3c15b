package dev.strata.it.reliability;

import dev.strata.it.Queries;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold after any kill: no session of the killed migrator lingers, the migration lock is free, the history
 * is the versions 1..n each once and successful, and the schema agrees with it (every recorded migration fully
 * there, nothing of a later transactional one; only a non-transactional file may be partly there, unrecorded).
 */
final class CrashInvariants {
    private CrashInvariants() {
    }

    /** Checks everything and returns n, the number of migrations recorded. */
    static int check(Deployment deployment, String afterWhat) {
        Poll.untilTrue("the killed migrator's sessions gone (" + afterWhat + ")",
                () -> deployment.sessionsOfRole() == 0);
        assertThat(deployment.migrationLockHolder()).as("migration lock after %s", afterWhat).isEmpty();

        List<Queries.HistoryRow> history = deployment.tableExists("strata_schema_history")
                ? Queries.history(deployment.database()) : List.of();
        int n = history.size();
        assertThat(history).as("history after %s", afterWhat).allSatisfy(row -> assertThat(row.success()).isTrue());
        assertThat(history.stream().map(Queries.HistoryRow::version).toList()).as("history after %s", afterWhat)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, n).mapToObj(Integer::toString).toList());

        Set<Integer> logged = deployment.tableExists("crash_log") ? integers(deployment,
                "select version from crash_log") : Set.of();
        Set<Integer> tables = integers(deployment, "select substr(tablename, 7)::int from pg_catalog.pg_tables"
                + " where schemaname = 'public' and tablename ~ '^crash_[0-9]+$'");
        Set<Integer> recorded = IntStream.rangeClosed(1, n).boxed().collect(Collectors.toCollection(TreeSet::new));
        Set<Integer> unrecordedButAllowed = n < CrashCorpus.MIGRATIONS && !CrashCorpus.transactional(n + 1)
                ? Set.of(n + 1) : Set.of();

        assertThat(logged).as("crash_log after %s (history at %d)", afterWhat, n).containsAll(recorded);
        assertThat(difference(logged, recorded)).as("crash_log beyond the history after %s", afterWhat)
                .isSubsetOf(unrecordedButAllowed);
        assertThat(tables).as("tables after %s (history at %d)", afterWhat, n)
                .containsAll(difference(recorded, Set.of(1)));
        assertThat(difference(tables, recorded)).as("tables beyond the history after %s", afterWhat)
                .isSubsetOf(unrecordedButAllowed);
        if (n >= 2) {
            assertThat(Queries.queryLong(deployment.database(), "select count(*) from crash_" + n))
                    .as("rows of the last recorded migration after %s", afterWhat).isEqualTo(CrashCorpus.ROWS);
        }
        return n;
    }

    private static Set<Integer> difference(Set<Integer> a, Set<Integer> b) {
        Set<Integer> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static Set<Integer> integers(Deployment deployment, String sql) {
        List<Integer> values = new ArrayList<>();
        try (Connection connection = deployment.database().open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getInt(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return new TreeSet<>(values);
    }
}
