/**
 * The configuration: every key declared once in {@link dev.strata.migrations.config.ConfigKey}, read from defaults,
 * the TOML file, {@code STRATA_*} variables (passed in, never read here) and command-line values by
 * {@link dev.strata.migrations.config.ConfigLoader}; database URLs and their redaction.
 *
 * <p><b>Internal</b>: the front ends (CLI, Maven plugin, runtime API) load it; no public signature shows it (the
 * runtime API takes a file or settings from code, the drift check the {@code [drift]} values).
 */
package dev.strata.migrations.config;
