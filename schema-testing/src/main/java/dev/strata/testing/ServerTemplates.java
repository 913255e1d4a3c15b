package dev.strata.testing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.strata.migrations.MigrationSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One running server and the template databases migrated on it, one per distinct migration configuration. Each is
 * migrated once; a failure is remembered too, so every test class using a broken configuration reports the same
 * error at once instead of running the migrations again.
 */
final class ServerTemplates implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerTemplates.class);

    private final PostgresServer server;
    private final Map<MigrationSettings, Memo> templates = new ConcurrentHashMap<>();

    ServerTemplates(PostgresServer server) {
        this.server = server;
    }

    PostgresServer server() {
        return server;
    }

    /** The template for {@code settings}, migrated on the first call. */
    TemplateDatabase template(MigrationSettings settings, ClassLoader classLoader) {
        return templates.computeIfAbsent(settings, key -> new Memo()).get(settings, classLoader);
    }

    /** Drops the templates, then stops the server if Strata started it. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (Memo memo : templates.values()) {
            try {
                memo.drop();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        templates.clear();
        server.close();
        failures.forEach(e -> LOG.warn("strata-testing: {}", e.getMessage()));
    }

    @Override
    public String toString() {
        return server.toString();
    }

    /** Migrates at most once, remembering the template or the failure. */
    private final class Memo {
        private TemplateDatabase template;
        private TestDatabaseException failure;

        synchronized TemplateDatabase get(MigrationSettings settings, ClassLoader classLoader) {
            if (template == null && failure == null) {
                try {
                    template = TemplateDatabase.migrate(server, DatabaseNames.template(), settings, classLoader);
                } catch (TestDatabaseException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return template;
        }

        synchronized void drop() {
            if (template != null) {
                template.drop();
                template = null;
            }
        }
    }
}
