package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Location;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code layout = "auto"} for one location: the one layout every file fits. sqlx is tried before golang-migrate,
 * whose names are sqlx's reversible ones (the two are read alike); popx, whose generic names are golang-migrate's
 * too, is chosen only when a file shows one of its own markers (a dialect or {@code .autocommit}). A location whose
 * files fit no single layout is refused, naming which files fit which layout.
 */
final class LayoutDetection {
    /** In the order they are tried. */
    static final List<LayoutRules> CANDIDATES = List.of(new StrataRules(), new DbmateRules(), new GooseRules(),
            new DieselRules(), new TemporalRules(), new PopxRules(), new SqlxRules(), new GolangMigrateRules());

    /** A readable file: its name and normalised text. */
    record Text(ScriptFile file, String text) {
    }

    /** The chosen layout and the sentence that says so on stderr. */
    record Detected(LayoutRules rules, String note) {
    }

    private LayoutDetection() {
    }

    /** @throws LayoutMixtureException when no layout fits every file */
    static Detected detect(Location location, List<Text> files) {
        if (files.isEmpty()) {
            return new Detected(new StrataRules(), "layout auto: " + location + " holds no files yet, using the"
                    + " strata layout");
        }
        for (LayoutRules rules : CANDIDATES) {
            if (files.stream().allMatch(file -> rules.accepts(file.file(), file.text()))
                    && files.stream().anyMatch(file -> rules.shows(file.file(), file.text()))) {
                return new Detected(rules, "layout auto: detected " + rules.layout() + " in " + location
                        + " (" + files.size() + " file" + (files.size() == 1 ? "" : "s") + ")");
            }
        }
        throw new LayoutMixtureException(location.toString(), byFirstFit(files));
    }

    /** Each file under the first layout it fits ("none" for a file that fits no layout). */
    private static Map<String, List<String>> byFirstFit(List<Text> files) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Text file : files) {
            String fit = "none";
            for (LayoutRules rules : CANDIDATES) {
                if (rules.accepts(file.file(), file.text()) && rules.shows(file.file(), file.text())) {
                    fit = rules.layout().configName();
                    break;
                }
            }
            groups.computeIfAbsent(fit, key -> new ArrayList<>()).add(file.file().path());
        }
        return groups;
    }
}
