package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.VersionOrder;

/**
 * goose: {@code <version>_<name>.sql} holding a {@code -- +goose Up} section and an optional {@code -- +goose Down}
 * section; versions compared as integers, as goose does. goose wraps each file in a transaction unless it says
 * {@code -- +goose NO TRANSACTION}, which becomes Strata's {@code -- strata:transaction=false}. The down section is
 * the migration's undo. goose keeps its history in {@code goose_db_version} (version_id, is_applied, tstamp), which
 * {@code strata adopt --from goose} reads; a {@code <version>_<name>.go} migration beside the files is one Strata
 * cannot run.
 */
final class GooseRules extends SectionedFileRules {

    @Override
    public Layout layout() {
        return Layout.GOOSE;
    }

    @Override
    public VersionOrder order() {
        return VersionOrder.NUMERIC;
    }

    @Override
    public String expected() {
        return "<version>_<name>.sql (e.g. 20240105093000_add_users.sql) with a '-- +goose Up' line and an optional"
                + " '-- +goose Down' line";
    }

    @Override
    SectionedFile.Split split(String text) {
        return GooseSections.split(text);
    }

    @Override
    boolean hasMarker(String text) {
        return GooseSections.hasMarker(text);
    }

    @Override
    String howToWrite() {
        return "write the file as goose expects: '-- +goose Up' above the migration's statements,"
                + " '-- +goose Down' above its undo";
    }

    @Override
    public boolean runsGoMigrations() {
        return true;
    }
}
