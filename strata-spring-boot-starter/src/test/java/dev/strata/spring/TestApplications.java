package dev.strata.spring;

import dev.strata.migrations.core.StrataException;
import dev.strata.spring.app.TestApplication;
import dev.strata.testing.StandaloneTestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/** Boots the test application on a test database, as a deployed application would start. */
final class TestApplications {
    private TestApplications() {
    }

    static ConfigurableApplicationContext start(StandaloneTestDatabase database, String... properties) {
        List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + database.info().jdbcUrl(),
                "spring.datasource.username=" + database.info().user().orElse(""),
                "spring.datasource.password=" + database.password().orElse("")));
        all.addAll(List.of(properties));
        // As command-line arguments, which beat application.properties (builder properties would not).
        return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
                .run(all.stream().map(property -> "--" + property).toArray(String[]::new));
    }

    /** The Strata error a failed start carries, wherever Spring wrapped it. */
    static StrataException strataFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StrataException strata) {
                return strata;
            }
        }
        throw new AssertionError("the start failed without a Strata error", failure);
    }
}
