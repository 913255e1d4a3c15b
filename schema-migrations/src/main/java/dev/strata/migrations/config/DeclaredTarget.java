package dev.strata.migrations.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code [[targets]]} entry as the file wrote it, its password variable already read. {@link #toString()} never
 * shows a password.
 *
 * @param url    empty: the target is in database.url's database
 * @param origin where it was written, e.g. {@code strata.toml:12}
 */
public record DeclaredTarget(String name, Optional<DatabaseUrl> url, Optional<String> password, Optional<String> schema,
                             String origin) {
    public DeclaredTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
        return "DeclaredTarget[name=" + name + ", url=" + url.map(DatabaseUrl::toString).orElse("(database.url)")
                + ", password=" + (password.isPresent() ? "***" : "(none)") + ", schema=" + schema.orElse("(none)")
                + ", origin=" + origin + "]";
    }
}
