/**
 * The {@code strata} actuator endpoint ({@link dev.strata.spring.actuate.StrataEndpoint}) and health indicator
 * ({@link dev.strata.spring.actuate.StrataHealthIndicator}), configured when the application has Spring Boot's
 * actuator and health modules.
 *
 * <p><b>Public API</b>: the endpoint's JSON ({@link dev.strata.spring.actuate.StrataReport}) and the health details.
 */
package dev.strata.spring.actuate;
