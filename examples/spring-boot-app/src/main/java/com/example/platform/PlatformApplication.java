package com.example.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The data platform's job service. In the root package of the schema's generated classes
 * ({@code com.example.platform.schema}), so Strata finds their {@code SchemaVersion} without a property.
 */
@SpringBootApplication
public class PlatformApplication {
    public static void main(String[] args) {
        SpringApplication.run(PlatformApplication.class, args);
    }
}
