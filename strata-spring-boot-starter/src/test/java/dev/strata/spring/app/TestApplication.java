package dev.strata.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the starter's tests boot: jOOQ's DSLContext and a repository that reads at construction. */
@SpringBootApplication
public class TestApplication {
}
