package dev.strata.api;

import java.util.List;
import java.util.Optional;

/**
 * What generated code records about the migrations it was generated from. Strata's generator writes one
 * implementation per generated package ({@code <package>.SchemaVersion}, reached through its {@code INSTANCE} field);
 * {@link SchemaGuard} compares it with a database's history table. No toolkit class refers to a generated class:
 * everything the toolkit needs from generated code goes through this interface.
 */
public interface SchemaDescriptor {

    /**
     * {@code sha256:<hex>} over {@code <version>:<checksum>\n} of every versioned migration in version order, then
     * {@code <file name>:<checksum>\n} of every repeatable one in file name order. The generator skips regeneration
     * while it matches the migration files.
     */
    String fingerprint();

    /** The newest versioned migration, as written in its file name ({@code _} shown as {@code .}); empty if none. */
    Optional<String> latestVersion();

    /** Every migration: the versioned ones in version order, then the repeatable ones in file name order. */
    List<SchemaMigration> migrations();

    /** The code generator that wrote the classes, e.g. {@code jOOQ 3.19.38}. */
    String generator();
}
