package dev.strata.migrations.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The naming convention of a location's files: Strata's own, or another tool's, read as that tool writes it so that
 * a team switching to Strata renames nothing. {@link #AUTO} detects the convention from the files.
 */
public enum Layout {
    STRATA("strata"),
    SQLX("sqlx"),
    GOLANG_MIGRATE("golang-migrate"),
    DBMATE("dbmate"),
    DIESEL("diesel"),
    GOOSE("goose"),
    POPX("popx"),
    TEMPORAL("temporal-sql-tool"),
    AUTO("auto");

    private final String configName;

    Layout(String configName) {
        this.configName = configName;
    }

    /** The name written in {@code migrations.layout}, e.g. {@code golang-migrate}. */
    public String configName() {
        return configName;
    }

    public static Optional<Layout> parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (Layout layout : values()) {
            if (layout.configName.equals(wanted)) {
                return Optional.of(layout);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the layout's tool runs the file named {@code script} without a transaction by its name alone: popx's
     * {@code .autocommit} files. (Markers written in a file become Strata's directive when it is read.)
     */
    public boolean runsWithoutTransaction(String script) {
        return this == POPX && script.contains(".autocommit.");
    }

    /** Every accepted value, for error messages: {@code strata, sqlx, …}. */
    public static String names() {
        List<String> names = new ArrayList<>();
        for (Layout layout : values()) {
            names.add(layout.configName);
        }
        return String.join(", ", names);
    }

    @Override
    public String toString() {
        return configName;
    }
}
