package dev.strata.migrations.resolve;

import dev.strata.migrations.resolve.SectionedFile.Section;
import dev.strata.migrations.resolve.SectionedFile.Split;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a dbmate file at its {@code -- migrate:up} and {@code -- migrate:down} lines. Each section keeps the file's
 * line numbers (the lines above it are left blank), so an error names the line an editor shows; a marker with
 * {@code transaction:false} becomes {@code -- strata:transaction=false} on the same line.
 */
final class DbmateSections {
    private static final Pattern MARKER = Pattern.compile("--\\s*migrate:(up|down)\\b(.*)");

    private DbmateSections() {
    }

    static boolean hasMarker(String text) {
        for (String line : text.split("\n", -1)) {
            if (MARKER.matcher(line.strip()).matches()) {
                return true;
            }
        }
        return false;
    }

    static Split split(String text) {
        String[] lines = text.split("\n", -1);
        int up = -1;
        int down = -1;
        for (int i = 0; i < lines.length; i++) {
            Matcher matcher = MARKER.matcher(lines[i].strip());
            if (!matcher.matches()) {
                if (up < 0 && down < 0 && !lines[i].isBlank() && !lines[i].strip().startsWith("--")) {
                    return new Split.Invalid(i + 1, "holds SQL above its '-- migrate:up' line, which dbmate"
                            + " ignores; move it into the up section or delete it");
                }
                continue;
            }
            boolean isUp = matcher.group(1).equals("up");
            if (isUp ? up >= 0 : down >= 0) {
                return new Split.Invalid(i + 1, "has a second '-- migrate:" + matcher.group(1) + "' line");
            }
            Optional<String> badOption = unknownOption(matcher.group(2));
            if (badOption.isPresent()) {
                return new Split.Invalid(i + 1, "has the option '" + badOption.get() + "', but the only option"
                        + " Strata reads is transaction:false (or transaction:true)");
            }
            if (isUp) {
                up = i;
            } else {
                down = i;
            }
        }
        if (up < 0) {
            return new Split.Invalid(1, "has no '-- migrate:up' line: a dbmate file starts its migration with one");
        }
        Section upSection = section(lines, up, down > up ? down : lines.length);
        Optional<Section> downSection = down < 0 ? Optional.empty()
                : Optional.of(section(lines, down, up > down ? up : lines.length));
        return new Split.Sections(upSection, downSection);
    }

    private static Optional<String> unknownOption(String options) {
        for (String option : options.strip().split("\\s+")) {
            if (!option.isEmpty() && !option.equals("transaction:false") && !option.equals("transaction:true")) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }

    private static Section section(String[] lines, int marker, int end) {
        StringBuilder content = new StringBuilder();
        StringBuilder asWritten = new StringBuilder();
        content.append("\n".repeat(marker));
        boolean nonTransactional = lines[marker].contains("transaction:false");
        content.append(nonTransactional ? "-- strata:transaction=false" : lines[marker]).append('\n');
        asWritten.append(lines[marker]).append('\n');
        boolean hasStatements = false;
        for (String line : List.of(lines).subList(marker + 1, end)) {
            content.append(line).append('\n');
            asWritten.append(line).append('\n');
            hasStatements |= !line.isBlank() && !line.strip().startsWith("--");
        }
        return new Section(content.toString(), asWritten.toString(), hasStatements);
    }
}
