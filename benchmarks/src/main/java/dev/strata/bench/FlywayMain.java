package dev.strata.bench;

import org.flywaydb.core.Flyway;

import java.nio.file.Path;

/**
 * Flyway Community as a whole process: {@code java -cp <flyway, its PostgreSQL support, the driver> FlywayMain
 * migrate|validate <jdbc-url> <user> <migration-dir>}, password (if any) in {@code FLYWAY_BENCH_PASSWORD}. This is
 * what Flyway's own command line does (configure, load, run one command) without its launcher's plugin scanning;
 * Flyway's settings are its defaults (validate on migrate, one transaction per migration, the
 * {@code flyway_schema_history} table). Also called in-process by the harness.
 */
public final class FlywayMain {
    private FlywayMain() {
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: FlywayMain migrate|validate <jdbc-url> <user> <migration-dir>");
            System.exit(2);
        }
        run(args[0], args[1], args[2], System.getenv("FLYWAY_BENCH_PASSWORD"), Path.of(args[3]));
    }

    static void run(String command, String jdbcUrl, String user, String password, Path migrations) {
        Flyway flyway = Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations("filesystem:" + migrations.toAbsolutePath())
                .load();
        switch (command) {
            case "migrate" -> System.out.println("Flyway applied " + flyway.migrate().migrationsExecuted + " migrations");
            case "validate" -> {
                var result = flyway.validateWithResult();
                if (!result.validationSuccessful) {
                    throw new IllegalStateException("Flyway validation failed: " + result.getAllErrorMessages());
                }
                System.out.println("Flyway validated " + migrations);
            }
            default -> throw new IllegalArgumentException("unknown command " + command + ": migrate or validate");
        }
    }
}
