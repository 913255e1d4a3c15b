package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.VersionOrder;

import java.util.Optional;

/**
 * golang-migrate: {@code <version>_<title>.up.sql} and {@code <version>_<title>.down.sql}; versions compared as
 * integers. golang-migrate sends a file as it is, without a transaction of its own; Strata runs it in its
 * transaction like any file (its default), which docs/switching.md states: a file that must run outside one says
 * {@code -- strata:transaction=false}.
 */
final class GolangMigrateRules implements LayoutRules {

    @Override
    public Layout layout() {
        return Layout.GOLANG_MIGRATE;
    }

    @Override
    public VersionOrder order() {
        return VersionOrder.NUMERIC;
    }

    @Override
    public String expected() {
        return "<version>_<title>.up.sql (e.g. 000001_add_users.up.sql) and its <version>_<title>.down.sql";
    }

    @Override
    public Optional<FileName> parseName(ScriptFile file) {
        return UpDownName.parse(file.name(), false).map(name -> name.toFileName(file.name()));
    }

    @Override
    public boolean runsGoMigrations() {
        return true;
    }

    @Override
    public String explainMismatch(ScriptFile file) {
        if (file.name().endsWith(".sql") && !file.name().endsWith(".up.sql") && !file.name().endsWith(".down.sql")) {
            return "golang-migrate names end in .up.sql or .down.sql";
        }
        return UpDownName.explain(file.name());
    }
}
