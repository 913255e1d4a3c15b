package dev.strata.migrations.fleet;

import dev.strata.migrations.config.DatabaseUrl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One member of a fleet: a database, and optionally a schema inside it (schema per tenant). Each target has its own
 * history table (in its schema) and so its own migration lock. {@link #toString()} never shows a password.
 *
 * @param name     how the target is named in output and in {@code --targets}
 * @param url      the database; its password, if it carries one, is masked when printed
 * @param password the target's own password when the URL carries none (e.g. from its password variable)
 * @param schema   the tenant's schema: its files run with only this schema on the search_path, and its history table
 *                 lives there; empty for a database of its own, which uses [migrations] schema
 */
public record Target(String name, DatabaseUrl url, Optional<String> password, Optional<String> schema) {
    public Target {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(schema, "schema");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a target needs a name");
        }
        if (schema.isPresent() && schema.get().isBlank()) {
            throw new IllegalArgumentException("target " + name + ": the schema name is empty");
        }
    }

    /** A database of its own, with its history in [migrations] schema. */
    public static Target database(String name, DatabaseUrl url) {
        return new Target(name, url, Optional.empty(), Optional.empty());
    }

    /** A tenant's schema in a shared database. */
    public static Target schema(String name, DatabaseUrl url, String schema) {
        return new Target(name, url, Optional.empty(), Optional.of(schema));
    }

    public Target withPassword(String newPassword) {
        return new Target(name, url, Optional.of(newPassword), schema);
    }

    /** Every secret of this target, to be masked wherever its messages are shown. */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>(url.secrets());
        password.ifPresent(secrets::add);
        return List.copyOf(secrets);
    }

    /** The database (and schema), as messages name the target: no password. */
    public String location() {
        return url + schema.map(s -> " schema " + s).orElse("");
    }

    @Override
    public String toString() {
        return name + " (" + location() + ")";
    }
}
