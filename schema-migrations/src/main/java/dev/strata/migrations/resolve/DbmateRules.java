package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.VersionOrder;

/**
 * dbmate: {@code <version>_<name>.sql} holding a {@code -- migrate:up} section and an optional
 * {@code -- migrate:down} section; versions compared as strings, as dbmate does. dbmate wraps each section in a
 * transaction unless its marker says {@code transaction:false}: the same as Strata's default and its
 * {@code -- strata:transaction=false} directive. The down section is the migration's undo; a down section without
 * a statement means the migration has no undo (dbmate would run nothing either).
 */
final class DbmateRules extends SectionedFileRules {

    @Override
    public Layout layout() {
        return Layout.DBMATE;
    }

    @Override
    public VersionOrder order() {
        return VersionOrder.STRING;
    }

    @Override
    public String expected() {
        return "<version>_<name>.sql (e.g. 20240105093000_add_users.sql) with a '-- migrate:up' line and an"
                + " optional '-- migrate:down' line";
    }

    @Override
    SectionedFile.Split split(String text) {
        return DbmateSections.split(text);
    }

    @Override
    boolean hasMarker(String text) {
        return DbmateSections.hasMarker(text);
    }

    @Override
    String howToWrite() {
        return "write the file as dbmate expects: '-- migrate:up' above the migration's statements,"
                + " '-- migrate:down' above its undo";
    }
}
