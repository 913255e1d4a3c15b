package com.example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.db.SchemaVersion;
import dev.strata.api.SchemaDescriptor;
import dev.strata.api.SchemaMigration;
import dev.strata.api.SchemaGuard;
import dev.strata.api.SchemaMismatchException;
import dev.strata.testing.MigratedDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

// The project's own classpath:db/migration, the default: no toolkit artifact carries migrations of its own.
@MigratedDatabase
class BillingTest {

    @Test
    void typedQueriesRunOnTheMigratedDatabase(DSLContext dsl) {
        Billing billing = new Billing(dsl);
        long id = billing.addCustomer("ada@example.com");
        billing.invoice(id, 1200);
        billing.invoice(id, 300);

        assertEquals(1500, billing.totalCents("ada@example.com"));
        assertEquals(id, billing.customer("ada@example.com").id());
        assertNotNull(billing.customer("ada@example.com").createdAt());
    }

    @Test
    void theDescriptorListsTheMigrations() {
        SchemaDescriptor descriptor = SchemaVersion.INSTANCE;
        assertEquals(Optional.of("2"), descriptor.latestVersion());
        List<SchemaMigration> migrations = descriptor.migrations();
        assertEquals(2, migrations.size());
        SchemaMigration.Versioned second = assertInstanceOf(SchemaMigration.Versioned.class, migrations.get(1));
        assertEquals("V2__create_invoice.sql", second.script());
        assertEquals(SchemaVersion.FINGERPRINT, descriptor.fingerprint());
    }

    @Test
    void theGuardAcceptsTheMigratedDatabaseAndRejectsOneBehind(DataSource dataSource) throws Exception {
        SchemaGuard.verify(dataSource, SchemaVersion.INSTANCE);

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("delete from strata_schema_history where version = '2'");
        }
        SchemaMismatchException behind = assertThrows(SchemaMismatchException.class,
                () -> SchemaGuard.verify(dataSource, SchemaVersion.INSTANCE));
        assertNotNull(behind.getMessage());
        assertEquals(true, behind.getMessage().contains("V2__create_invoice.sql"), behind.getMessage());
    }
}
