/** Code generation: placeholder until the codegen issue lands. */
package dev.strata.codegen;
