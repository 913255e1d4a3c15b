/**
 * The Maven plugin: goals {@code generate} and {@code check} on the code generator, and the CLI's database commands as
 * goals.
 *
 * <p><b>Internal</b>: its interface is the goals and their parameters (docs/maven-plugin.md); the mojo classes are
 * public only because Maven instantiates them.
 */
package dev.strata.maven;
