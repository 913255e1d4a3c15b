package dev.strata.api;

import dev.strata.migrations.core.Location;
import dev.strata.migrations.resolve.MigrationResolver;
import dev.strata.migrations.resolve.ResolvedMigrations;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The descriptor of this module's test migrations ({@code src/test/resources/db/migration}), made the way generated
 * code records them: versions and checksums as the engine's resolver computes them.
 */
final class FixtureSchema implements SchemaDescriptor {
    static final FixtureSchema INSTANCE = new FixtureSchema();
    static final String REPEATABLE = "R__account_balances.sql";

    private final List<SchemaMigration> migrations;

    private FixtureSchema() {
        ResolvedMigrations resolved = new MigrationResolver(FixtureSchema.class.getClassLoader())
                .resolve(List.of(Location.DEFAULT));
        migrations = Stream.concat(
                resolved.migrations().stream().<SchemaMigration>map(m ->
                        new SchemaMigration.Versioned(m.id().versionNumber().orElseThrow().toString(), m.script(),
                                m.checksum().toString())),
                resolved.repeatables().stream().<SchemaMigration>map(m ->
                        new SchemaMigration.Repeatable(m.script(), m.checksum().toString())))
                .toList();
    }

    @Override
    public String fingerprint() {
        return "sha256:" + "f".repeat(64);
    }

    @Override
    public Optional<String> latestVersion() {
        return migrations.stream().filter(SchemaMigration.Versioned.class::isInstance)
                .map(m -> ((SchemaMigration.Versioned) m).version()).reduce((first, second) -> second);
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
