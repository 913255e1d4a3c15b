package dev.strata.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code error} object's shape for the errors the process tests cannot provoke on demand (a connection lost
 * mid-run): the extra keys follow {@code exitMeaning} in the object itself, in the order first published.
 */
class JsonErrorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aLostConnectionAddsItsFileVersionPhaseAndCountAfterTheCommonKeys() throws Exception {
        JsonError error = new JsonError("connection_lost", "lost the connection", "run `strata status`", 1,
                "a migration failed", null, new JsonError.ConnectionLostValue("V2__jobs.sql", "2", "committing", 1),
                null);

        assertThat(MAPPER.writeValueAsString(error)).isEqualTo("{\"type\":\"connection_lost\","
                + "\"message\":\"lost the connection\",\"hint\":\"run `strata status`\",\"exitCode\":1,"
                + "\"exitMeaning\":\"a migration failed\",\"script\":\"V2__jobs.sql\",\"version\":\"2\","
                + "\"phase\":\"committing\",\"appliedBeforeFailure\":1}");
    }

    @Test
    void anErrorWithoutAStatementConnectionOrUndoFilesHasOnlyTheCommonKeys() throws Exception {
        JsonError error = new JsonError("usage", "Unknown option: '--x'", "", 2, "usage or configuration error", null,
                null, null);

        assertThat(MAPPER.writeValueAsString(error)).isEqualTo("{\"type\":\"usage\",\"message\":\"Unknown option:"
                + " '--x'\",\"hint\":\"\",\"exitCode\":2,\"exitMeaning\":\"usage or configuration error\"}");
    }
}
