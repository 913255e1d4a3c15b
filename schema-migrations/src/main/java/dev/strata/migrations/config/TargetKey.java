package dev.strata.migrations.config;

import java.util.Optional;

/**
 * The keys of one {@code [[targets]]} entry, declared once: the loader, its errors and the table in docs/fleet.md
 * derive from here. A target has no environment variables of its own; its password can come from one it names.
 */
public enum TargetKey {
    NAME("name", true, "How the target is named in output and in --targets; unique."),
    URL("url", false, "The target's database (same forms as database.url); unset: database.url."),
    SCHEMA("schema", false, "The tenant's schema: its files run with only this schema on the search_path and its"
            + " history table lives there. Unset: the database's own, with migrations.schema for the history."),
    PASSWORD_VARIABLE("password_variable", false, "The environment variable holding the target's password, when"
            + " its URL carries none (unset: database.password). Never printed.");

    /** The TOML array of tables: {@code [[targets]]}. */
    public static final String ARRAY = "targets";

    private final String name;
    private final boolean required;
    private final String documentation;

    TargetKey(String name, boolean required, String documentation) {
        this.name = name;
        this.required = required;
        this.documentation = documentation;
    }

    public String keyName() {
        return name;
    }

    public boolean required() {
        return required;
    }

    public String documentation() {
        return documentation;
    }

    public static Optional<TargetKey> find(String keyName) {
        for (TargetKey key : values()) {
            if (key.name.equals(keyName)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }
}
