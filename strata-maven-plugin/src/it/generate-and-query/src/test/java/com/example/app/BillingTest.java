package com.example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.example.db.SchemaVersion;
import dev.strata.api.SchemaDescriptor;
import dev.strata.api.SchemaMigration;
import dev.strata.testing.StrataDatabase;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

@StrataDatabase(locations = "filesystem:src/main/resources/db/migration")
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
}
