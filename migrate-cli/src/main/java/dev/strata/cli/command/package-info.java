/**
 * One class per {@code strata} command, and the option groups they mix in (configuration, connection, output,
 * scratch database). A command gathers its result values and hands them to the renderer of the output format asked
 * for; it prints nothing itself.
 *
 * <p><b>Internal</b>: see {@link dev.strata.cli}.
 */
package dev.strata.cli.command;
