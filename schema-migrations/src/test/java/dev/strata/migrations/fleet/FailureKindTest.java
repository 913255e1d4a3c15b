package dev.strata.migrations.fleet;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.fleet.TargetOutcome.FailureKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A target's failure kind and the error kind a single-database run would have reported translate into each other
 * without drifting: what the engine records for a target is what the front end turns back into an exit code.
 */
class FailureKindTest {
    /** The error kinds a fleet does not tell apart, and the one each is reported as. */
    private static final Map<ErrorKind, ErrorKind> FOLDED = Map.of(
            ErrorKind.REPLAY_FAILED, ErrorKind.MIGRATION_FAILED,
            ErrorKind.GENERATION_FAILED, ErrorKind.MIGRATION_FAILED,
            ErrorKind.CONFIGURATION, ErrorKind.REFUSED,
            ErrorKind.TERMINATED, ErrorKind.INTERRUPTED);

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void anErrorKindComesBackAsItselfOrAsTheKindItIsFoldedInto(ErrorKind kind) {
        assertThat(FailureKind.of(kind).errorKind()).isEqualTo(FOLDED.getOrDefault(kind, kind));
    }

    @ParameterizedTest
    @EnumSource(FailureKind.class)
    void aFailureKindComesBackAsItself(FailureKind kind) {
        // Drift has no error kind of its own: a single database's diff reports it as failed validation.
        FailureKind expected = kind == FailureKind.DRIFTED ? FailureKind.VALIDATION_FAILED : kind;

        assertThat(FailureKind.of(kind.errorKind())).isEqualTo(expected);
    }
}
