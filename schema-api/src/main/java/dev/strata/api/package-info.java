/** The application-facing schema API: placeholder until the codegen issue lands. */
package dev.strata.api;
