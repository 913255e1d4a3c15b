package dev.strata.spring.app;

import dev.strata.api.SchemaDescriptor;
import dev.strata.api.SchemaMigration;
import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.resolve.MigrationResolver;

import java.util.List;
import java.util.Optional;

/**
 * The test application's descriptor, as Strata's generator would write it for src/test/resources/db/migration (the
 * checksums are read from the files here, so the fixture cannot go stale).
 */
public final class SchemaVersion implements SchemaDescriptor {
    public static final SchemaVersion INSTANCE = new SchemaVersion();

    private final List<SchemaMigration> migrations = new MigrationResolver(SchemaVersion.class.getClassLoader(),
            Layout.STRATA).resolve(List.of(Location.DEFAULT)).migrations().stream()
            .map(file -> (SchemaMigration) new SchemaMigration.Versioned(file.id().versionNumber().orElseThrow()
            .toString(), file.script(),
                    file.checksum().toString()))
            .toList();

    private SchemaVersion() {
    }

    @Override
    public String fingerprint() {
        return "sha256:test-fixture";
    }

    @Override
    public Optional<String> latestVersion() {
        return Optional.of("2");
    }

    @Override
    public List<SchemaMigration> migrations() {
        return migrations;
    }

    @Override
    public String generator() {
        return "test fixture";
    }
}
