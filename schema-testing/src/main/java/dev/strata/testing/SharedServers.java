package dev.strata.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers of this JVM, one per {@link ServerSpec}, shared by every test class and by {@link StrataAssertions}.
 * Users hold a {@link Lease}: the extension keeps one in JUnit's root store for the whole test run, so the server
 * stops (and its templates are dropped) when the run ends, or when the last lease of a nested run (e.g. JUnit's
 * EngineTestKit) ends. A JVM shutdown hook is the backstop for runs that never close their store.
 */
final class SharedServers {
    private static final Map<ServerSpec, Shared> SERVERS = new HashMap<>();
    private static final Map<ServerSpec, TestDatabaseException> FAILED = new HashMap<>();
    private static boolean hookInstalled;

    private SharedServers() {
    }

    /**
     * The server for {@code spec}, started on first use. A failure to start is remembered for the JVM: every later
     * test class reports it at once instead of trying again.
     */
    static synchronized Lease acquire(ServerSpec spec) {
        TestDatabaseException failure = FAILED.get(spec);
        if (failure != null) {
            throw failure;
        }
        Shared shared = SERVERS.get(spec);
        if (shared == null) {
            try {
                shared = new Shared(new ServerTemplates(ServerLauncher.start(spec)));
            } catch (TestDatabaseException e) {
                FAILED.put(spec, e);
                throw e;
            }
            SERVERS.put(spec, shared);
            installShutdownHook();
        }
        shared.leases++;
        return new Lease(spec, shared.templates);
    }

    private static synchronized void release(ServerSpec spec, ServerTemplates templates) {
        Shared shared = SERVERS.get(spec);
        if (shared == null || shared.templates != templates) {
            return;
        }
        if (--shared.leases == 0) {
            SERVERS.remove(spec);
            templates.close();
        }
    }

    private static void installShutdownHook() {
        if (!hookInstalled) {
            hookInstalled = true;
            Runtime.getRuntime().addShutdownHook(new Thread(SharedServers::closeAll, "strata-test-servers"));
        }
    }

    private static void closeAll() {
        Map<ServerSpec, ServerTemplates> open = new HashMap<>();
        synchronized (SharedServers.class) {
            SERVERS.forEach((spec, shared) -> open.put(spec, shared.templates));
            SERVERS.clear();
        }
        open.forEach((spec, templates) -> {
            if (spec.kind() == ServerKind.EMBEDDED) {
                // Its own shutdown hook is stopping it at this moment, data and templates with it: dropping the
                // templates would wait for connections that the stopping server no longer accepts.
                templates.server().closeConnections();
            } else {
                templates.close();
            }
        });
    }

    private static final class Shared {
        private final ServerTemplates templates;
        private int leases;

        Shared(ServerTemplates templates) {
            this.templates = templates;
        }
    }

    /** A claim on a running server; closing the last one stops it. Close each lease once. */
    static final class Lease implements AutoCloseable {
        private final ServerSpec spec;
        private final ServerTemplates templates;
        private boolean closed;

        private Lease(ServerSpec spec, ServerTemplates templates) {
            this.spec = spec;
            this.templates = templates;
        }

        ServerTemplates templates() {
            return templates;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                release(spec, templates);
            }
        }
    }
}
