package dev.strata.spring;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.strata.spring.app.TestApplication;
import dev.strata.spring.test.StrataDatabase;
import dev.strata.testing.StandaloneTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator's {@code strata} endpoint and health as a monitoring system reads them: over HTTP from the embedded web
 * server on a random port, as JSON (the JSON mapping of {@code StrataReport} and the 503 of a DOWN health included).
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.endpoints.web.exposure.include=health,strata",
                "management.endpoint.health.show-details=always"})
@StrataDatabase
class ActuatorOverHttpTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private StandaloneTestDatabase database;

    @Test
    void theStrataEndpointListsEachMigrationAsJson() throws Exception {
        HttpResponse<String> response = get("/actuator/strata");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("json");
        DocumentContext json = JsonPath.parse(response.body());
        assertThat(json.<List<String>>read("$.migrations[*].script"))
                .containsExactly("V1__create_accounts.sql", "V2__add_account_email.sql");
        assertThat(json.<List<String>>read("$.migrations[*].state")).containsExactly("APPLIED", "APPLIED");
        assertThat(json.<List<String>>read("$.migrations[*].checksum")).allMatch(sum -> sum.startsWith("sha256:"));
        assertThat(json.<String>read("$.currentVersion")).isEqualTo("2");
        assertThat(json.<Boolean>read("$.upToDate")).isTrue();
        assertThat(json.<String>read("$.historyTable")).isEqualTo("public.strata_schema_history");
        assertThat(json.<String>read("$.database")).contains(database.info().name());
        assertThat(json.<String>read("$.schema.descriptor")).isEqualTo("dev.strata.spring.app.SchemaVersion");
        assertThat(json.<Boolean>read("$.schema.matches")).isTrue();
    }

    @Test
    void healthIsUpAndThenDownWith503WhenTheDatabaseDrifts() throws Exception {
        HttpResponse<String> up = get("/actuator/health/strata");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(up.body(), "$.status")).isEqualTo("UP");
        assertThat(JsonPath.<String>read(up.body(), "$.details.descriptor"))
                .isEqualTo("dev.strata.spring.app.SchemaVersion");

        String recorded = jdbc.queryForObject("select checksum from strata_schema_history where version = '1'",
                String.class);
        jdbc.update("update strata_schema_history set checksum = ? where version = '1'", "sha256:" + "0".repeat(64));
        try {
            HttpResponse<String> down = get("/actuator/health/strata");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(JsonPath.<String>read(down.body(), "$.status")).isEqualTo("DOWN");
            assertThat(JsonPath.<String>read(down.body(), "$.details.mismatch"))
                    .contains("drifted: 1 file edited after it was applied: 1 (V1__create_accounts.sql)");
            HttpResponse<String> overall = get("/actuator/health");
            assertThat(overall.statusCode()).isEqualTo(503);
            assertThat(JsonPath.<String>read(overall.body(), "$.components.strata.status")).isEqualTo("DOWN");
        } finally {
            jdbc.update("update strata_schema_history set checksum = ? where version = '1'", recorded);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
