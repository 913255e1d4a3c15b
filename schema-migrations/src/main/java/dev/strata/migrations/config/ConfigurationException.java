package dev.strata.migrations.config;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;

/** Bad configuration: names the key, where it came from (file and line, or variable) and what is expected. */
public final class ConfigurationException extends StrataException {
    public ConfigurationException(String message, String hint) {
        super(message, hint);
    }

    public ConfigurationException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFIGURATION;
    }
}
