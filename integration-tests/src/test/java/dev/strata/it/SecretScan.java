package dev.strata.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registered for every test class of this module (JUnit's extension autodetection, see
 * {@code junit-platform.properties}): before the first class it starts recording this JVM's console, and after each
 * class it fails that class if any password of the suite occurs in any output seen so far, naming where.
 */
public final class SecretScan implements BeforeAllCallback, AfterAllCallback {
    private static final Logger LOG = LoggerFactory.getLogger(SecretScan.class);
    /** Each leak fails the class that was running when it was found, not every class after it. */
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeAll(ExtensionContext context) {
        Secrets.recordConsole();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> leaks = Secrets.leaks().stream().filter(REPORTED::add).toList();
        LOG.info("Secret scan after {}: {} secrets, {} process outputs and this JVM's console, {} occurrences",
                context.getDisplayName(), Secrets.secretCount(), Secrets.outputCount(), leaks.size());
        assertThat(leaks).as("test passwords in the suite's output (%d secrets, %d process outputs scanned)",
                Secrets.secretCount(), Secrets.outputCount()).isEmpty();
    }
}
