/**
 * The {@code strata} executable: {@link dev.strata.cli.StrataMain} wires the outside world (environment, streams,
 * signals) to the picocli command line, hands every command its {@link dev.strata.cli.CliContext} through a picocli
 * factory, and maps every error to a documented {@link dev.strata.cli.ExitCode}. The commands are in
 * {@code command}, their output in {@code output}, database sessions and embedded servers in {@code database}, runs
 * over many databases in {@code fleet}.
 *
 * <p><b>Internal</b>: an application, not a library; its interface is the command line and its exit codes
 * (docs/cli.md), not these classes.
 */
package dev.strata.cli;
