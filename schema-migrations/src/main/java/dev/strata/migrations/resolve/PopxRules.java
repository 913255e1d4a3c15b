package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.VersionOrder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ory's popx: {@code <version>_<name>[.<dialect>][.autocommit].(up|down).sql}; versions compared as strings, as popx
 * does. Of the files of one version and direction, the {@code .postgres.} one is read and a generic one (no dialect)
 * only when there is none; another dialect's files ({@code .mysql.}, {@code .cockroach.}, {@code .sqlite3.}) are
 * passed over, counted in a note. popx runs each file in a transaction unless it is named {@code .autocommit}, which
 * Strata runs without one ({@link Layout#runsWithoutTransaction}).
 */
final class PopxRules implements LayoutRules {
    static final String POSTGRES = "postgres";
    private static final Pattern NAME =
            Pattern.compile("(\\d+)_([^.]+?)(?:\\.([a-z0-9]+))?(\\.autocommit)?\\.(up|down)\\.sql");

    /** A popx name's parts; {@code dialect} is empty for a generic file. */
    record PopxName(ToolFileName.Stem stem, Optional<String> dialect, boolean autocommit,
                    MigrationFileName.Kind kind) {
        static Optional<PopxName> parse(String fileName) {
            Matcher matcher = NAME.matcher(fileName);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            Optional<String> dialect = Optional.ofNullable(matcher.group(3));
            boolean autocommit = matcher.group(4) != null;
            if (dialect.filter("autocommit"::equals).isPresent() && !autocommit) {
                dialect = Optional.empty();
                autocommit = true;
            }
            MigrationFileName.Kind kind = matcher.group(5).equals("up") ? MigrationFileName.Kind.VERSIONED
                    : MigrationFileName.Kind.UNDO;
            Optional<String> finalDialect = dialect;
            boolean finalAutocommit = autocommit;
            return ToolFileName.parseStem(matcher.group(1) + "_" + matcher.group(2))
                    .map(stem -> new PopxName(stem, finalDialect, finalAutocommit, kind));
        }
    }

    @Override
    public Layout layout() {
        return Layout.POPX;
    }

    @Override
    public VersionOrder order() {
        return VersionOrder.STRING;
    }

    @Override
    public String expected() {
        return "<version>_<name>[.<dialect>][.autocommit].up.sql and .down.sql (e.g. 20240105093000_users.up.sql,"
                + " 20240105093000_users.postgres.up.sql)";
    }

    @Override
    public Optional<FileName> parseName(ScriptFile file) {
        return PopxName.parse(file.name()).map(name -> FileName.versioned(name.kind(), name.stem().version(),
                name.stem().description(), file.name()));
    }

    @Override
    public String explainMismatch(ScriptFile file) {
        if (!file.name().endsWith(".up.sql") && !file.name().endsWith(".down.sql")) {
            return "popx names end in .up.sql or .down.sql";
        }
        return UpDownName.explain(file.name());
    }

    @Override
    public Selection select(List<ScriptFile> sqlFiles, List<ScriptFile> companions) {
        // Per version and direction, the PostgreSQL file wins over the generic one.
        Map<String, ScriptFile> chosen = new LinkedHashMap<>();
        Map<String, Boolean> chosenIsPostgres = new LinkedHashMap<>();
        Map<String, List<String>> otherDialects = new TreeMap<>();
        List<ScriptFile> unnamed = new ArrayList<>();
        for (ScriptFile file : sqlFiles) {
            Optional<PopxName> name = PopxName.parse(file.name());
            if (name.isEmpty()) {
                unnamed.add(file);
                continue;
            }
            Optional<String> dialect = name.get().dialect();
            if (dialect.isPresent() && !dialect.get().equals(POSTGRES)) {
                otherDialects.computeIfAbsent(dialect.get(), key -> new ArrayList<>()).add(file.name());
                continue;
            }
            String key = name.get().stem().version() + " " + name.get().kind() + " " + file.path()
                    .substring(0, file.path().length() - file.name().length());
            boolean postgres = dialect.isPresent();
            if (!chosen.containsKey(key) || postgres && !chosenIsPostgres.get(key)) {
                chosen.put(key, file);
                chosenIsPostgres.put(key, postgres);
            } else if (postgres == chosenIsPostgres.get(key)) {
                // Two files of one kind for one version: both are read, and reported as a duplicate version.
                chosen.put(key + " " + file.path(), file);
                chosenIsPostgres.put(key + " " + file.path(), postgres);
            }
        }
        List<ScriptFile> files = new ArrayList<>(unnamed);
        files.addAll(chosen.values());
        List<String> notes = new ArrayList<>();
        otherDialects.forEach((dialect, names) -> notes.add("popx: passed over " + names.size() + " file"
                + (names.size() == 1 ? "" : "s") + " of the " + dialect + " dialect (Strata reads the postgres and"
                + " generic ones), e.g. " + names.get(0)));
        return new Selection(this, files, List.of(), notes);
    }

    @Override
    public boolean runsGoMigrations() {
        return true;
    }

    @Override
    public boolean shows(ScriptFile file, String text) {
        return PopxName.parse(file.name()).filter(name -> name.dialect().isPresent() || name.autocommit())
                .isPresent();
    }
}
