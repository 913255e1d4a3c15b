/**
 * {@link dev.strata.spring.test.StrataDatabase} for Spring tests: a migrated PostgreSQL database per test class,
 * through Spring's {@code ContextCustomizerFactory} (registered in {@code META-INF/spring.factories}, read by Spring's
 * test framework only). Needs {@code dev.strata:schema-testing} in test scope.
 *
 * <p><b>Public API</b>: the annotation; the customizer and listener are internal.
 */
package dev.strata.spring.test;
