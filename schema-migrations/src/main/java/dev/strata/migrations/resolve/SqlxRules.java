package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.VersionOrder;

import java.util.List;
import java.util.Optional;

/**
 * sqlx: {@code <version>_<description>.sql}, or reversible pairs {@code <version>_<description>.up.sql} and
 * {@code .down.sql}; versions compared as integers. sqlx runs each file in a transaction unless its text starts with
 * {@code -- no-transaction}, which becomes Strata's {@code -- strata:transaction=false} on the same line.
 */
final class SqlxRules implements LayoutRules {
    static final String NO_TRANSACTION = "-- no-transaction";

    @Override
    public Layout layout() {
        return Layout.SQLX;
    }

    @Override
    public VersionOrder order() {
        return VersionOrder.NUMERIC;
    }

    @Override
    public String expected() {
        return "<version>_<description>.sql (e.g. 20240105093000_add_users.sql), or a reversible pair"
                + " <version>_<description>.up.sql and .down.sql";
    }

    @Override
    public Optional<FileName> parseName(ScriptFile file) {
        return UpDownName.parse(file.name(), true).map(name -> name.toFileName(file.name()));
    }

    @Override
    public String explainMismatch(ScriptFile file) {
        return UpDownName.explain(file.name());
    }

    @Override
    public Read read(FileName name, String text) {
        String content = text.startsWith(NO_TRANSACTION)
                ? "-- strata:transaction=false" + text.substring(NO_TRANSACTION.length()) : text;
        return new Read.Entries(List.of(new Entry(name.kind(), name.id(), name.description(), name.script(),
                content, text)));
    }

    @Override
    public boolean accepts(ScriptFile file, String text) {
        // A dbmate or goose file has the same name; its section markers tell them apart.
        return parseName(file).isPresent() && !DbmateSections.hasMarker(text) && !GooseSections.hasMarker(text);
    }
}
