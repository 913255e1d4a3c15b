package dev.strata.testserver;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The STRATA_TEST_* contract as values (no server is started here). */
class TestEnvironmentTest {
    private static final String URL = "postgresql://ci:s3cret@db.internal:5432/postgres";

    @Test
    void nothingSelectedLeavesTheDefaultToTheCaller() {
        assertThat(TestEnvironment.none().selectedKind()).isEmpty();
        assertThat(environment(null, "auto").selectedKind()).isEmpty();
        assertThat(environment(null, "  ").selectedKind()).isEmpty();
    }

    @Test
    void theUrlSelectsTheExternalServerUnlessTheServerVariableSaysOtherwise() {
        assertThat(environment(URL, null).selectedKind()).contains(TestServerKind.EXTERNAL);
        assertThat(environment(URL, "auto").selectedKind()).contains(TestServerKind.EXTERNAL);
        assertThat(environment(URL, "Embedded").selectedKind()).contains(TestServerKind.EMBEDDED);
        assertThat(environment(null, "testcontainers").selectedKind()).contains(TestServerKind.TESTCONTAINERS);
    }

    @Test
    void anUnknownKindIsAnErrorThatSaysWhatToDo() {
        assertThatThrownBy(() -> environment(null, "docker").selectedKind())
                .isInstanceOf(TestServerException.class)
                .hasMessageContaining("STRATA_TEST_SERVER (or -Dstrata.test.server) is 'docker', which is not a server kind")
                .satisfies(e -> assertThat(((TestServerException) e).hint())
                        .startsWith("use embedded, testcontainers or external"));
    }

    @Test
    void anExternalServerNeedsTheUrl() {
        assertThat(environment(URL, "external").externalUrl("STRATA_TEST_SERVER=external")).isEqualTo(URL);
        assertThatThrownBy(() -> TestEnvironment.none().externalUrl("STRATA_TEST_SERVER=external"))
                .isInstanceOf(TestServerException.class)
                .hasMessageContaining("(STRATA_TEST_SERVER=external) but STRATA_TEST_DATABASE_URL is not set")
                .hasMessageContaining("CREATEDB");
    }

    @Test
    void theImageHasADefaultAndTheUrlIsNeverShown() {
        assertThat(TestEnvironment.none().image()).isEqualTo("postgres:17");
        assertThat(new TestEnvironment(Optional.empty(), Optional.empty(), Optional.of("postgres:16")).image())
                .isEqualTo("postgres:16");
        assertThat(environment(URL, null).toString()).doesNotContain("s3cret").contains("STRATA_TEST_DATABASE_URL set");
    }

    @Test
    void anExternalServerIsNamedWithoutItsUrlAndNeverStopped() throws Exception {
        StartedServer external = TestServerLauncher.external(" " + URL + " ");
        assertThat(external.adminUrl()).isEqualTo(URL);
        assertThat(external.toString()).doesNotContain("s3cret").isEqualTo("external PostgreSQL (STRATA_TEST_DATABASE_URL)");
        external.stop().close();
    }

    private static TestEnvironment environment(String url, String server) {
        return new TestEnvironment(Optional.ofNullable(url), Optional.ofNullable(server), Optional.empty());
    }
}
