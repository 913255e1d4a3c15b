/**
 * {@code --targets}: a command run over every database of a fleet; the command describes it as a {@link
 * dev.strata.cli.fleet.FleetRequest}, and the renderer of {@code --output} shows its progress, summary or JSON.
 *
 * <p><b>Internal</b>: see {@link dev.strata.cli}.
 */
package dev.strata.cli.fleet;
