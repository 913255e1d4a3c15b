package dev.strata.spring.actuate;

import dev.strata.spring.StrataAutoConfiguration;
import dev.strata.spring.StrataMigrations;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** The {@code strata} health indicator ({@code management.health.strata.enabled}), when Spring Boot's health is present. */
@AutoConfiguration(after = StrataAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(StrataMigrations.class)
@ConditionalOnEnabledHealthIndicator("strata")
public class StrataHealthAutoConfiguration {

    @Bean(name = "strataHealthIndicator")
    @ConditionalOnMissingBean(name = "strataHealthIndicator")
    public StrataHealthIndicator strataHealthIndicator(StrataMigrations migrations) {
        return new StrataHealthIndicator(migrations);
    }
}
