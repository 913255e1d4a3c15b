package dev.strata.migrations.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The {@code [database]} section, validated. {@link #toString()} never shows the password.
 *
 * @param url      empty when no URL is configured anywhere (the CLI then starts its embedded server)
 * @param embedded {@code database.embedded}: the embedded server was asked for explicitly
 */
public record DatabaseSettings(Optional<DatabaseUrl> url, Optional<String> user, Optional<String> password,
                               int poolSize, Duration connectTimeout, boolean autoMigrate, boolean embedded) {
    /** The largest {@code pool_size} accepted, from the file, the environment or code alike. */
    public static final int MAX_POOL_SIZE = 1000;
    /** The shortest {@code connect_timeout} accepted: PostgreSQL's driver counts whole seconds. */
    public static final Duration MIN_CONNECT_TIMEOUT = Duration.ofSeconds(1);

    public DatabaseSettings(Optional<DatabaseUrl> url, Optional<String> user, Optional<String> password,
                            int poolSize, Duration connectTimeout, boolean autoMigrate) {
        this(url, user, password, poolSize, connectTimeout, autoMigrate, false);
    }

    /** The user to connect as: the URL's, else the {@code user} key. */
    public Optional<String> effectiveUser() {
        return url.flatMap(DatabaseUrl::user).or(() -> user);
    }

    /** The password to use: the URL's, else the {@code password} key. */
    public Optional<String> effectivePassword() {
        return url.flatMap(DatabaseUrl::password).or(() -> password);
    }

    public DatabaseSettings withUrl(DatabaseUrl newUrl) {
        return new DatabaseSettings(Optional.of(newUrl), user, password, poolSize, connectTimeout, autoMigrate, embedded);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url.map(DatabaseUrl::toString).orElse("(embedded)") + ", user="
                + effectiveUser().orElse("(default)") + ", password=" + (effectivePassword().isPresent() ? "***" : "(none)")
                + ", poolSize=" + poolSize + ", connectTimeout=" + connectTimeout + ", autoMigrate=" + autoMigrate + "]";
    }
}
