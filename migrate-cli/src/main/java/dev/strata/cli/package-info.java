/**
 * The {@code strata} command (picocli): one class per command, the configuration and connection options, text and JSON
 * output, secret masking, and the mapping of every error to a documented exit code.
 *
 * <p><b>Internal</b>: an application, not a library; its interface is the command line and its exit codes
 * (docs/cli.md), not these classes.
 */
package dev.strata.cli;
