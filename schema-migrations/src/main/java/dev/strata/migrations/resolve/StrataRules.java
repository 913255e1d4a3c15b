package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.VersionOrder;

import java.util.Optional;

/** Strata's own names: {@code V<version>__<description>.sql}, {@code U…} undo files, {@code R__…} repeatable. */
final class StrataRules implements LayoutRules {

    @Override
    public Layout layout() {
        return Layout.STRATA;
    }

    @Override
    public VersionOrder order() {
        return VersionOrder.NUMERIC;
    }

    @Override
    public String expected() {
        return MigrationFileName.EXPECTED;
    }

    @Override
    public Optional<FileName> parseName(ScriptFile file) {
        return MigrationFileName.parse(file.name()).map(parsed -> new FileName(parsed.kind(), parsed.id(),
                parsed.description(), file.name()));
    }

    @Override
    public String explainMismatch(ScriptFile file) {
        return MigrationFileName.explainMismatch(file.name());
    }
}
