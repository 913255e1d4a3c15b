package dev.strata.migrations.sql;

import dev.strata.migrations.sql.SqlStates.Cause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class SqlStatesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            // class 08: refused, broken, closed
            "08001, CONNECTION_EXCEPTION", "08003, CONNECTION_EXCEPTION", "08006, CONNECTION_EXCEPTION",
            "08P01, CONNECTION_EXCEPTION",
            // admin_shutdown (pg_terminate_backend), crash_shutdown, cannot_connect_now, database_dropped,
            // idle_session_timeout
            "57P01, SESSION_ENDED", "57P02, SESSION_ENDED", "57P03, SESSION_ENDED", "57P04, SESSION_ENDED",
            "57P05, SESSION_ENDED",
            "28P01, LOGIN_REFUSED", "28000, LOGIN_REFUSED",
            "3D000, DATABASE_MISSING",
            "53300, TOO_MANY_CONNECTIONS",
            // a statement on a live session: read-only server, lock timeout, serialization and deadlock, query
            // cancelled (57014 is class 57 but not a session's end), out of memory, disk full, no privilege
            "25006, STATEMENT_FAILED", "55P03, STATEMENT_FAILED", "40001, STATEMENT_FAILED", "40P01, STATEMENT_FAILED",
            "57014, STATEMENT_FAILED", "53200, STATEMENT_FAILED", "53100, STATEMENT_FAILED", "42501, STATEMENT_FAILED",
            "3D001, STATEMENT_FAILED", "SL001, STATEMENT_FAILED"
    })
    void readsEachStateOnce(String state, Cause cause) {
        assertThat(SqlStates.cause(state)).isEqualTo(cause);
        assertThat(SqlStates.cause(new SQLException("failed", state))).isEqualTo(cause);
    }

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08001", "57P01", "57P03", "28P01", "28000", "3D000", "53300"})
    void aStateOfTheConnectionMeansCannotConnect(String state) {
        assertThat(SqlStates.cannotConnect(new SQLException("failed", state))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"25006", "55P03", "40001", "57014", "42501", "42P01"})
    void aFailedStatementIsNotAConnectionProblemNorAnEndedSession(String state) {
        SQLException error = new SQLException("failed", state);

        assertThat(SqlStates.cannotConnect(error)).isFalse();
        assertThat(SqlStates.sessionEnded(error)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08003", "57P01", "57P02", "57P05"})
    void aBrokenConnectionOrAnEndedSessionIsASessionThatEnded(String state) {
        assertThat(SqlStates.sessionEnded(new SQLException("gone", state))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"28P01", "3D000", "53300"})
    void aRefusedLoginIsNoLossOfASessionThatWasInUse(String state) {
        assertThat(SqlStates.sessionEnded(new SQLException("refused", state))).isFalse();
    }

    @Test
    void noStateMeansNoServerAnsweredButNotThatASessionEnded() {
        SQLException error = new SQLException("the driver gave up");

        assertThat(SqlStates.cause(error)).isEqualTo(Cause.NO_ANSWER);
        assertThat(SqlStates.cannotConnect(error)).isTrue();
        assertThat(SqlStates.sessionEnded(error)).isFalse();
    }
}
