package dev.strata.testing;

import dev.strata.testserver.TestEnvironment;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the server is chosen from the annotation and the environment (no server is started here). */
class ServerSpecTest {
    private static final String URL = "postgresql://ci:s3cret@db.internal:5432/postgres";

    @Test
    void embeddedByDefault() {
        assertThat(ServerSpec.choose(ServerKind.AUTO, TestEnvironment.none()).kind()).isEqualTo(ServerKind.EMBEDDED);
    }

    @Test
    void theUrlVariableSelectsTheExternalServer() {
        ServerSpec spec = ServerSpec.choose(ServerKind.AUTO, environment(URL, null));
        assertThat(spec.kind()).isEqualTo(ServerKind.EXTERNAL);
        assertThat(spec.url()).contains(URL);
        assertThat(spec.toString()).isEqualTo("external PostgreSQL at postgresql://ci:***@db.internal:5432/postgres");
    }

    @Test
    void theServerVariableBeatsTheUrl() {
        assertThat(ServerSpec.choose(ServerKind.AUTO, environment(URL, "embedded")).kind()).isEqualTo(ServerKind.EMBEDDED);
        ServerSpec containers = ServerSpec.choose(ServerKind.AUTO, environment(null, "Testcontainers"));
        assertThat(containers.kind()).isEqualTo(ServerKind.TESTCONTAINERS);
        assertThat(containers.image()).isEqualTo("postgres:17");
        assertThat(containers).hasToString("Testcontainers postgres:17");
    }

    @Test
    void theAnnotationBeatsTheEnvironment() {
        assertThat(ServerSpec.choose(ServerKind.EMBEDDED, environment(URL, "testcontainers")).kind())
                .isEqualTo(ServerKind.EMBEDDED);
        assertThat(ServerSpec.choose(ServerKind.TESTCONTAINERS, environment(URL, null)).kind())
                .isEqualTo(ServerKind.TESTCONTAINERS);
    }

    @Test
    void theImageVariableNamesTheContainerImage() {
        TestEnvironment environment = new TestEnvironment(Optional.empty(), Optional.of("testcontainers"),
                Optional.of("postgres:16-alpine"));
        assertThat(ServerSpec.choose(ServerKind.AUTO, environment).image()).isEqualTo("postgres:16-alpine");
    }

    @Test
    void anExternalServerWithoutUrlIsAnError() {
        assertThatThrownBy(() -> ServerSpec.choose(ServerKind.EXTERNAL, TestEnvironment.none()))
                .isInstanceOf(TestDatabaseException.class)
                .hasMessageContaining("@MigratedDatabase(server = EXTERNAL)")
                .hasMessageContaining("STRATA_TEST_DATABASE_URL is not set")
                .hasMessageContaining("CREATEDB");
        assertThatThrownBy(() -> ServerSpec.choose(ServerKind.AUTO, environment(null, "external")))
                .hasMessageContaining("STRATA_TEST_SERVER=external");
    }

    @Test
    void anUnknownServerKindIsAnError() {
        assertThatThrownBy(() -> ServerSpec.choose(ServerKind.AUTO, environment(null, "docker")))
                .isInstanceOf(TestDatabaseException.class)
                .hasMessageContaining("STRATA_TEST_SERVER (or -Dstrata.test.server) is 'docker', which is not a server kind")
                .hasMessageContaining("use embedded, testcontainers or external");
    }

    @Test
    void aMalformedUrlIsAnErrorNamingTheVariableWithoutThePassword() {
        assertThatThrownBy(() -> ServerSpec.choose(ServerKind.AUTO, environment("mysql://u:hunter2@h/db", null)))
                .hasMessageContaining("STRATA_TEST_DATABASE_URL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void theEnvironmentNeverShowsTheUrl() {
        assertThat(environment(URL, null).toString()).doesNotContain("s3cret").contains("STRATA_TEST_DATABASE_URL set");
    }

    private static TestEnvironment environment(String url, String server) {
        return new TestEnvironment(Optional.ofNullable(url), Optional.ofNullable(server), Optional.empty());
    }
}
