/**
 * Spring Boot auto-configuration for Strata: {@link dev.strata.spring.StrataAutoConfiguration} migrates (when
 * {@code strata.migrate-at-start}) and verifies the application's {@code DataSource} (or the one marked
 * {@link dev.strata.spring.StrataDataSource}) before the beans that use it, after the {@code strata.migrations.lint}
 * gate, from the {@code strata.*} properties: the starter's own ({@link dev.strata.spring.StrataProperties}) and the
 * engine's, whose names {@link dev.strata.spring.StrataPropertyKeys} derives from the engine's configuration keys.
 *
 * <p><b>Public API</b>: {@code StrataProperties}, {@code StrataDataSource}, {@code StrataMigrations} (the bean an
 * application may inject) and {@code MigrationToolConflictException}. {@code StrataPropertyKeys} is public only for
 * the test support package; it is internal.
 */
package dev.strata.spring;
