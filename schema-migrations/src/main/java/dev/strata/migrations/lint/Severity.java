package dev.strata.migrations.lint;

import java.util.Locale;

/** How bad a finding is, weakest first; {@code --fail-on} names one. */
public enum Severity {
    INFO, WARNING, ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    Severity lower() {
        return this == ERROR ? WARNING : INFO;
    }

    Severity higher() {
        return this == INFO ? WARNING : ERROR;
    }
}
