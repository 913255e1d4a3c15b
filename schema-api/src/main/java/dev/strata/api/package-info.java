/**
 * The application-facing API: {@link dev.strata.api.StrataDatabase} (pool, {@code DSLContext}, optional
 * auto-migration, from the same configuration the {@code strata} CLI reads) and {@link dev.strata.api.SchemaGuard}
 * (does the database's history match the migrations this build's generated code was made from?). The typed schema
 * itself is the generated package {@code dev.strata.schema}.
 */
package dev.strata.api;
