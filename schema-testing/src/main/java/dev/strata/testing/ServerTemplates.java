package dev.strata.testing;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.config.LintGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private final Map<Key, Memo> templates = new ConcurrentHashMap<>();

    ServerTemplates(PostgresServer server) {
        this.server = server;
    }

    PostgresServer server() {
        return server;
    }

    /** The template for {@code settings}, migrated on the first call (without the lint gate). */
    TemplateDatabase template(MigrationSettings settings, ClassLoader classLoader) {
        return template(settings, LintGate.OFF, classLoader);
    }

    /** The template for {@code settings}, migrated on the first call after the {@code lint} gate. */
    TemplateDatabase template(MigrationSettings settings, LintGate lint, ClassLoader classLoader) {
        return templates.computeIfAbsent(new Key(settings, lint), key -> new Memo()).get(settings, lint, classLoader);
    }

    /** A template per migration configuration and gate: one built without the gate has not passed it. */
    private record Key(MigrationSettings settings, LintGate lint) {
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

        synchronized TemplateDatabase get(MigrationSettings settings, LintGate lint, ClassLoader classLoader) {
            if (template == null && failure == null) {
                try {
                    template = TemplateDatabase.migrate(server, DatabaseNames.template(), settings, lint,
                            classLoader);
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
