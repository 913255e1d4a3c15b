package dev.strata.it.reliability;

/**
 * The 200 migrations the migrator is killed in. Each records itself in {@code crash_log} in its own transaction, so
 * the schema can be compared with the history in one query. Every migration stops at its own {@link Gate} between
 * creating its table and filling it (a no-op unless the test holds that gate), which gives the test a known
 * mid-transaction moment. Every twentieth file runs without a transaction and is written to be safe to re-run, as
 * docs/migrations.md asks of such files.
 */
final class CrashCorpus {
    static final int MIGRATIONS = 200;
    static final int ROWS = 500;

    private CrashCorpus() {
    }

    static boolean transactional(int version) {
        return version % 20 != 0;
    }

    static String fileName(int version) {
        return version == 1 ? "V1__create_crash_log.sql" : "V" + version + "__crash_step_" + version + ".sql";
    }

    static String content(int version) {
        if (version == 1) {
            return "create table crash_log (version int primary key);\ninsert into crash_log values (1);\n";
        }
        String table = "crash_" + version;
        if (!transactional(version)) {
            return "-- strata:transaction=false\n"
                    + "create table if not exists " + table + " (id int primary key, note text);\n"
                    + "insert into " + table + " select g, md5(g::text) from generate_series(1, " + ROWS + ") g"
                    + " on conflict do nothing;\n"
                    + "insert into crash_log values (" + version + ") on conflict do nothing;\n";
        }
        return "create table " + table + " (id int primary key, note text);\n"
                + Gate.statement(version) + ";\n"
                + "insert into " + table + " select g, md5(g::text) from generate_series(1, " + ROWS + ") g;\n"
                + (version % 3 == 0 ? "create index on " + table + " (note);\n" : "")
                + "do $$ begin perform count(*) from " + table + "; end $$;\n"
                + "insert into crash_log values (" + version + ");\n";
    }

    static void writeTo(Deployment deployment) {
        for (int v = 1; v <= MIGRATIONS; v++) {
            deployment.write(fileName(v), content(v));
        }
    }
}
