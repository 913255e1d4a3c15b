package dev.strata.spring.actuate;

import dev.strata.spring.StrataAutoConfiguration;
import dev.strata.spring.StrataMigrations;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code strata} actuator endpoint, when the application has the actuator and exposes the endpoint. */
@AutoConfiguration(after = StrataAutoConfiguration.class)
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnBean(StrataMigrations.class)
@ConditionalOnAvailableEndpoint(StrataEndpoint.class)
public class StrataEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public StrataEndpoint strataEndpoint(StrataMigrations migrations) {
        return new StrataEndpoint(migrations);
    }
}
