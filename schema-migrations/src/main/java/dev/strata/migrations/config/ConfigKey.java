package dev.strata.migrations.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Every configuration key, declared once: its TOML section and name, its environment variable, its type, its default
 * and its documentation. The loader, the error messages and the reference table of docs/configuration.md all derive from here.
 */
public enum ConfigKey {
    DATABASE_URL(Section.DATABASE, "url", ValueType.STRING, null,
            "PostgreSQL URL: postgresql://user:pass@host:port/db?sslmode=…, postgres://…, jdbc:postgresql://…, or a"
                    + " Unix socket with ?host=/var/run/postgresql. Unset everywhere: the CLI starts an embedded"
                    + " PostgreSQL in .strata/pgdata (from a terminal, or with embedded = true)."),
    DATABASE_EMBEDDED(Section.DATABASE, "embedded", ValueType.BOOLEAN, "false",
            "CLI only: with no url set, use the embedded PostgreSQL in .strata/pgdata even when CI is set or stdin"
                    + " is not a terminal (where it is refused otherwise, so that a mistyped variable cannot migrate a"
                    + " throwaway database). Same as --embedded. Ignored when a url is set."),
    DATABASE_USER(Section.DATABASE, "user", ValueType.STRING, null,
            "User name, when the URL does not carry one."),
    DATABASE_PASSWORD(Section.DATABASE, "password", ValueType.SECRET, null,
            "Password, when the URL does not carry one. Never printed or logged."),
    DATABASE_POOL_SIZE(Section.DATABASE, "pool_size", ValueType.INTEGER, "10",
            "Maximum connections in the application's pool (schema-api), 1 to 1000."),
    DATABASE_CONNECT_TIMEOUT(Section.DATABASE, "connect_timeout", ValueType.DURATION, "10s",
            "How long to wait for a connection: a number of seconds or a duration such as 500ms, 10s, 2m."),
    DATABASE_AUTO_MIGRATE(Section.DATABASE, "auto_migrate", ValueType.BOOLEAN, "false",
            "schema-api only: apply pending migrations when the application starts."),
    MIGRATIONS_LOCATIONS(Section.MIGRATIONS, "locations", ValueType.LIST, "classpath:db/migration",
            "Where the migration files are: classpath:<path> or filesystem:<dir>, several allowed"
                    + " (a TOML array, or comma-separated in the environment variable). An entry may name its own"
                    + " layout: filesystem:db/legacy?layout=golang-migrate."),
    MIGRATIONS_LAYOUT(Section.MIGRATIONS, "layout", ValueType.STRING, "strata",
            "How the files in each location that names no layout of its own (?layout=) are named: strata"
                    + " (V<version>__<description>.sql, U… undo, R__… repeatable), sqlx, golang-migrate, dbmate,"
                    + " diesel, goose, popx, temporal-sql-tool (each tool's own names, read unchanged and run in"
                    + " its version order), or auto (detected per location and said on stderr; a location mixing"
                    + " layouts is refused). See docs/switching.md."),
    MIGRATIONS_SCHEMA(Section.MIGRATIONS, "schema", ValueType.STRING, "public",
            "Schema of the history table (created when missing)."),
    MIGRATIONS_TABLE(Section.MIGRATIONS, "table", ValueType.STRING, "strata_schema_history",
            "Name of the history table."),
    MIGRATIONS_LOCK_TIMEOUT(Section.MIGRATIONS, "lock_timeout", ValueType.DURATION, "60s",
            "How long to wait for another run's migration lock before failing with exit code 5."),
    MIGRATIONS_OUT_OF_ORDER(Section.MIGRATIONS, "out_of_order", ValueType.BOOLEAN, "false",
            "Apply a pending file older than the newest applied version instead of failing validation."),
    MIGRATIONS_STATEMENT_TIMEOUT(Section.MIGRATIONS, "statement_timeout", ValueType.DURATION, null,
            "PostgreSQL statement_timeout for every migration statement (unset: the server's). A file's"
                    + " -- strata:statement_timeout=… beats it."),
    MIGRATIONS_STATEMENT_LOCK_TIMEOUT(Section.MIGRATIONS, "statement_lock_timeout", ValueType.DURATION, null,
            "PostgreSQL lock_timeout for every migration statement, so a migration fails fast instead of queueing"
                    + " production traffic behind its lock request (unset: the server's). A file's"
                    + " -- strata:lock_timeout=… beats it."),
    MIGRATIONS_RECORD_CONTENT(Section.MIGRATIONS, "record_content", ValueType.BOOLEAN, "true",
            "Keep each applied file's full text in the history table's content column, which validate uses to"
                    + " show which lines of an applied file were edited and diff to replay an edited repeatable file"
                    + " as it ran. false stores NULL instead, so no copy of a secret written in a migration"
                    + " (CREATE ROLE … PASSWORD) is kept there; edits are then reported without their lines."),
    MIGRATIONS_NON_TRANSACTIONAL(Section.MIGRATIONS, "non_transactional", ValueType.STRING, "layout",
            "How a file that must run outside a transaction is recognised. directive: only by its"
                    + " -- strata:transaction=false line (or its layout's own marker: sqlx's -- no-transaction,"
                    + " dbmate's transaction:false, goose's NO TRANSACTION, popx's .autocommit). detect: also a file"
                    + " without a strata:transaction directive whose every statement cannot run in a transaction"
                    + " (CREATE/DROP INDEX CONCURRENTLY, VACUUM, …), as Flyway and golang-migrate run such files; a"
                    + " file mixing both kinds is still refused. layout: as the file's layout's tool does: detect"
                    + " for golang-migrate files, directive for every other layout (Strata's own included)."),
    MIGRATIONS_ALLOW_NON_EMPTY(Section.MIGRATIONS, "allow_non_empty", ValueType.BOOLEAN, "false",
            "Let migrate start on a schema that already holds tables, views, sequences, functions or types but no"
                    + " history table (refused otherwise, exit code 2, naming what it found: such a database was"
                    + " built by hand or by another tool; strata baseline takes it over instead)."),
    MIGRATIONS_SKIP_GO_MIGRATIONS(Section.MIGRATIONS, "skip_go_migrations", ValueType.BOOLEAN, "false",
            "golang-migrate, goose and popx folders may hold migrations written in Go (<version>_<name>.go), which"
                    + " Strata cannot run: each is refused by default (exit code 4), naming it. true skips them"
                    + " instead, naming each skipped file on stderr in every command that reads the files (status,"
                    + " plan, migrate); their changes are then never made by Strata."),
    MIGRATIONS_LINT(Section.MIGRATIONS, "lint", ValueType.STRING, "off",
            "Lint the pending files before validate, plan and migrate run, before migrate --targets applies a"
                    + " target's files, and before auto_migrate: off; warn (the findings on stderr, or logged, then"
                    + " the command goes on); error (an error-level finding no -- strata:allow line silences stops"
                    + " it with exit code 4, nothing applied). The lint replays the migrations on a scratch"
                    + " database: a temporary embedded PostgreSQL unless --scratch-url names a server; for"
                    + " auto_migrate, one created on database.url's server. See docs/lint.md."),
    CODEGEN_PACKAGE(Section.CODEGEN, "package", ValueType.STRING, null,
            "strata generate: the Java package of the generated classes, e.g. com.example.db (--package beats it;"
                    + " one of the two is required). The migrations are the filesystem: entries of"
                    + " migrations.locations."),
    CODEGEN_OUTPUT(Section.CODEGEN, "output", ValueType.STRING, "target/generated-sources/strata",
            "strata generate: the source root the package is written below (--output beats it)."),
    CODEGEN_SCHEMAS(Section.CODEGEN, "schemas", ValueType.LIST, "public",
            "strata generate: the PostgreSQL schemas to generate classes for."),
    CODEGEN_INCLUDES(Section.CODEGEN, "includes", ValueType.LIST, null,
            "strata generate: Java regular expressions; only tables, views, sequences and routines matching one"
                    + " are generated (unset: all)."),
    CODEGEN_EXCLUDES(Section.CODEGEN, "excludes", ValueType.LIST, null,
            "strata generate: Java regular expressions; objects matching one are left out (the history table"
                    + " always is)."),
    CODEGEN_POSTGRES_VERSION(Section.CODEGEN, "postgres_version", ValueType.STRING, null,
            "strata generate: the embedded server's PostgreSQL (unset: the bundled one, the only one the CLI"
                    + " has; the Maven plugin resolves others)."),
    DRIFT_EXCLUDE(Section.DRIFT, "exclude", ValueType.LIST, null,
            "strata diff: objects left out of the comparison, as patterns: schema:<glob>, kind:<kind>,"
                    + " <kind>:<glob> (table:public.audit_log, function:public.tmp_*) or object:<glob>; * stands for"
                    + " any characters. --exclude adds to them. See docs/drift.md."),
    DRIFT_EXCLUDE_TOOL_HISTORY(Section.DRIFT, "exclude_tool_history", ValueType.BOOLEAN, "true",
            "strata diff: leave out the history tables of other tools (flyway_schema_history, _sqlx_migrations,"
                    + " schema_migrations, __diesel_schema_migrations, goose_db_version, schema_migration,"
                    + " schema_version with temporal-sql-tool's columns, schema_update_history, in any schema),"
                    + " which stay behind after adopt or baseline. false compares them like any table."),
    FLEET_SCHEMAS(Section.FLEET, "schemas", ValueType.STRING, null,
            "Fleet targets discovered by name: every schema of database.url's database matching this pattern (*"
                    + " any characters, ? one), e.g. tenant_*; each is a target named after its schema, with its"
                    + " history table in it. See docs/fleet.md."),
    FLEET_QUERY(Section.FLEET, "query", ValueType.STRING, null,
            "Fleet targets discovered by a query run on database.url (the control database): one row per target"
                    + " with its name, its URL and optionally its schema, e.g. select name, url from tenants."),
    FLEET_PARALLEL(Section.FLEET, "parallel", ValueType.INTEGER, "4",
            "How many fleet targets run at once, 1 to 64; at most parallel + 1 connections are open to any one"
                    + " server. --parallel beats it."),
    FLEET_ON_FAILURE(Section.FLEET, "on_failure", ValueType.STRING, "continue",
            "After a fleet target fails: continue (every other target still runs) or stop (no further target"
                    + " starts). --on-failure beats it."),
    FLEET_INCLUDE_PUBLIC(Section.FLEET, "include_public", ValueType.BOOLEAN, "false",
            "Put public after a tenant's schema on its search_path, for the functions and types of extensions"
                    + " installed there (unset: the tenant's schema alone).");


    /** A TOML table of the configuration file. */
    public enum Section {
        DATABASE, MIGRATIONS, CODEGEN, DRIFT, FLEET;

        public String tomlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a value is written in TOML and in the environment. */
    public enum ValueType {
        STRING, SECRET, INTEGER, BOOLEAN, DURATION, LIST
    }

    public static final String ENVIRONMENT_PREFIX = "STRATA_";

    private final Section section;
    private final String name;
    private final ValueType type;
    private final String defaultValue;
    private final String documentation;

    ConfigKey(Section section, String name, ValueType type, String defaultValue, String documentation) {
        this.section = section;
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
        this.documentation = documentation;
    }

    public Section section() {
        return section;
    }

    /** The key inside its section, e.g. {@code lock_timeout}. */
    public String keyName() {
        return name;
    }

    /** The dotted name used in messages, e.g. {@code migrations.lock_timeout}. */
    public String qualifiedName() {
        return section.tomlName() + "." + name;
    }

    /** {@code STRATA_<SECTION>__<KEY>}, e.g. {@code STRATA_MIGRATIONS__LOCK_TIMEOUT}. */
    public String environmentVariable() {
        return ENVIRONMENT_PREFIX + section.name() + "__" + name.toUpperCase(Locale.ROOT);
    }

    public ValueType type() {
        return type;
    }

    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public String documentation() {
        return documentation;
    }

    public static Optional<ConfigKey> find(Section section, String keyName) {
        for (ConfigKey key : values()) {
            if (key.section == section && key.name.equals(keyName)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /**
     * The key whose environment variable is closest to {@code variable} (fewest edits), for "did you mean" hints:
     * {@code STRATA_DATABASE_URL} gives {@link #DATABASE_URL}.
     */
    public static ConfigKey nearestEnvironmentVariable(String variable) {
        ConfigKey nearest = values()[0];
        int best = Integer.MAX_VALUE;
        for (ConfigKey key : values()) {
            int distance = EditDistance.between(variable.toUpperCase(Locale.ROOT), key.environmentVariable());
            if (distance < best) {
                best = distance;
                nearest = key;
            }
        }
        return nearest;
    }

    public static Optional<ConfigKey> forEnvironmentVariable(String variable) {
        for (ConfigKey key : values()) {
            if (key.environmentVariable().equals(variable)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }
}
