package dev.strata.migrations.core;


import java.util.Locale;
import java.util.Optional;

/**
 * How Strata learns that a file must run outside a transaction ({@code migrations.non_transactional}). With
 * {@link #DIRECTIVE} only {@code -- strata:transaction=false} (or the layout's own marker, such as goose's
 * {@code NO TRANSACTION}) says so. With {@link #DETECT} a file without a {@code strata:transaction} directive whose
 * every statement cannot run in a transaction (such as {@code CREATE INDEX CONCURRENTLY}) runs without one, as
 * Flyway and golang-migrate run such files; a file that mixes both kinds is still refused, since no single choice
 * runs it safely. {@link #LAYOUT}, the default, does what the file's layout's own tool does: detect for
 * golang-migrate (which sends a file as it is, without a transaction), the directive for every other layout.
 */
public enum NonTransactionalFiles {
    DIRECTIVE, DETECT, LAYOUT;

    /** The value as the configuration writes it. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NonTransactionalFiles> parse(String value) {
        for (NonTransactionalFiles mode : values()) {
            if (mode.configValue().equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    /** {@link #DIRECTIVE} or {@link #DETECT} for a file read in {@code layout}. */
    public NonTransactionalFiles forLayout(Layout layout) {
        if (this != LAYOUT) {
            return this;
        }
        return layout == Layout.GOLANG_MIGRATE ? DETECT : DIRECTIVE;
    }
}
