package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.core.VersionOrder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * temporal-sql-tool: one directory per schema version, {@code v<major>.<minor>/}, whose {@code manifest.json} names
 * the version ({@code CurrVersion}) and lists its SQL files in the order they run. Each listed file is a migration of
 * its own, versioned {@code <CurrVersion>.<position in the manifest>} (the third file of {@code v1.2} is version
 * 1.2.3), so versions run as the manifests order them and an error names the file and line. The tool keeps one row
 * in {@code schema_version} (and a log in {@code schema_update_history}), which
 * {@code strata adopt --from temporal-sql-tool} reads. There are no down files. Strata runs each file in a
 * transaction (the tool sends statements one by one): a file that must not says {@code -- strata:transaction=false}.
 */
final class TemporalRules implements LayoutRules {
    private static final Pattern DIRECTORY = Pattern.compile("v\\d+(\\.\\d+)*");

    /** Each listed file's name by path, once the manifests are read ({@link #select}); empty before. */
    private final Map<String, FileName> listed;

    TemporalRules() {
        this(Map.of());
    }

    private TemporalRules(Map<String, FileName> listed) {
        this.listed = Map.copyOf(listed);
    }

    @Override
    public Layout layout() {
        return Layout.TEMPORAL;
    }

    @Override
    public VersionOrder order() {
        return VersionOrder.NUMERIC;
    }

    @Override
    public String expected() {
        return "v<version>/<file>.sql listed in v<version>/manifest.json (e.g. v1.2/add_index.sql)";
    }

    @Override
    public Optional<FileName> parseName(ScriptFile file) {
        return Optional.ofNullable(listed.get(file.path()));
    }

    @Override
    public String explainMismatch(ScriptFile file) {
        String directory = directory(file.path());
        if (!DIRECTORY.matcher(directory).matches()) {
            return "it is not in a v<version> directory";
        }
        return "its directory's " + TemporalManifest.FILE_NAME + " does not list it (temporal-sql-tool would not run"
                + " it)";
    }

    @Override
    public boolean accepts(ScriptFile file, String text) {
        return DIRECTORY.matcher(directory(file.path())).matches();
    }

    @Override
    public Selection select(List<ScriptFile> sqlFiles, List<ScriptFile> companions) {
        Map<String, FileName> names = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> present = new HashSet<>();
        sqlFiles.forEach(file -> present.add(file.path()));
        for (ScriptFile manifestFile : companions) {
            if (!manifestFile.name().equals(TemporalManifest.FILE_NAME)) {
                continue;
            }
            String directory = directory(manifestFile.path());
            if (!DIRECTORY.matcher(directory).matches()) {
                continue;
            }
            String base = manifestFile.path().substring(0, manifestFile.path().length()
                    - TemporalManifest.FILE_NAME.length());
            try {
                TemporalManifest manifest = TemporalManifest.parse(manifestFile.content());
                if (!Version.isValid(manifest.version()) || !Version.parse(manifest.version())
                        .equals(Version.parse(directory.substring(1)))) {
                    throw new TemporalManifest.InvalidManifestException("says \"CurrVersion\": \""
                            + manifest.version() + "\", but it is in the directory " + directory);
                }
                for (int i = 0; i < manifest.files().size(); i++) {
                    String path = base + manifest.files().get(i);
                    if (!present.contains(path)) {
                        problems.add(new Problem(ProblemKind.MISSING, manifest.files().get(i), Optional.empty(),
                                manifestFile.path() + " lists " + manifest.files().get(i) + ", which is not there",
                                "restore the file, or take it out of the manifest"));
                        continue;
                    }
                    String description = manifest.description().isEmpty() ? manifest.files().get(i)
                            : manifest.description() + " (" + manifest.files().get(i) + ")";
                    names.put(path, FileName.versioned(MigrationFileName.Kind.VERSIONED,
                            Version.parse(manifest.version() + "." + (i + 1)), description,
                            directory + "/" + manifest.files().get(i)));
                }
            } catch (TemporalManifest.InvalidManifestException e) {
                problems.add(new Problem(ProblemKind.MISNAMED, directory + "/" + TemporalManifest.FILE_NAME,
                        Optional.empty(),
                        manifestFile.path() + " " + e.getMessage(),
                        "write it as temporal-sql-tool expects: {\"CurrVersion\": \"1.2\", \"Description\": …,"
                                + " \"SchemaUpdateCqlFiles\": [\"file.sql\", …]}"));
            }
        }
        return new Selection(new TemporalRules(names), sqlFiles, problems, List.of());
    }

    /** The name of the directory a path is in; empty at a location's root. */
    private static String directory(String path) {
        int end = path.lastIndexOf('/');
        if (end <= 0) {
            return "";
        }
        String directory = path.substring(path.lastIndexOf('/', end - 1) + 1, end);
        return directory.contains(":") ? "" : directory;
    }
}
