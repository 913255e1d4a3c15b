/**
 * {@code --targets}: a command run over every database of a fleet, with its progress lines, text summary and JSON.
 *
 * <p><b>Internal</b>: see {@link dev.strata.cli}.
 */
package dev.strata.cli.fleet;
