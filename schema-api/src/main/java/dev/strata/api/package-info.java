/**
 * The application-facing API: {@link dev.strata.api.StrataDatabase} (a {@code DSLContext} on a pool it opens or on
 * the application's own {@code DataSource}, optional auto-migration, settings from the {@code strata} CLI's
 * configuration or from code) and {@link dev.strata.api.SchemaGuard} (does the database's history match the
 * migrations an application's generated code was made from, as its {@link dev.strata.api.SchemaDescriptor} lists
 * them?). The typed schema itself is generated into the application's own package.
 *
 * <p><b>Public API</b>: what applications put on their class path at run time.
 */
package dev.strata.api;
