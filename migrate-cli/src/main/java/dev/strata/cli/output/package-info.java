/**
 * What the commands print: text for people and one JSON document for programs, both rendered from the same result
 * values, and the secret masking every byte of output goes through. Knows no command, session or server.
 *
 * <p><b>Internal</b>: see {@link dev.strata.cli}.
 */
package dev.strata.cli.output;
