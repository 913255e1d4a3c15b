package dev.strata.migrations.resolve;

import dev.strata.migrations.resolve.SectionedFile.Section;
import dev.strata.migrations.resolve.SectionedFile.Split;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a goose file at its {@code -- +goose Up} and {@code -- +goose Down} lines. Each section keeps the file's line
 * numbers (the lines above it are left blank), so an error names the line an editor shows. {@code -- +goose NO
 * TRANSACTION} makes each section's marker line Strata's {@code -- strata:transaction=false}. A
 * {@code StatementBegin}/{@code StatementEnd} block stays as it is: goose sends it as one statement, and Strata's
 * splitter reads the dollar quotes such a block guards, running the same statements; a block left open is refused.
 */
final class GooseSections {
    private static final Pattern ANNOTATION = Pattern.compile("--\\s*\\+goose\\s+(.*)");

    private GooseSections() {
    }

    static boolean hasMarker(String text) {
        for (String line : text.split("\n", -1)) {
            Matcher matcher = ANNOTATION.matcher(line.strip());
            if (matcher.matches() && matcher.group(1).strip().equalsIgnoreCase("up")) {
                return true;
            }
        }
        return false;
    }

    static Split split(String text) {
        String[] lines = text.split("\n", -1);
        int up = -1;
        int down = -1;
        int openBlock = -1;
        boolean noTransaction = false;
        for (int i = 0; i < lines.length; i++) {
            Matcher matcher = ANNOTATION.matcher(lines[i].strip());
            if (!matcher.matches()) {
                if (up < 0 && down < 0 && !lines[i].isBlank() && !lines[i].strip().startsWith("--")) {
                    return new Split.Invalid(i + 1, "holds SQL above its '-- +goose Up' line, which goose refuses;"
                            + " move it into the Up section or delete it");
                }
                continue;
            }
            String annotation = matcher.group(1).strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            switch (annotation) {
                case "UP", "DOWN" -> {
                    boolean isUp = annotation.equals("UP");
                    if (isUp ? up >= 0 : down >= 0) {
                        return new Split.Invalid(i + 1, "has a second '-- +goose " + matcher.group(1).strip()
                                + "' line");
                    }
                    if (openBlock >= 0) {
                        return unclosed(openBlock);
                    }
                    if (isUp) {
                        up = i;
                    } else {
                        down = i;
                    }
                }
                case "NO TRANSACTION" -> noTransaction = true;
                case "STATEMENTBEGIN" -> {
                    if (openBlock >= 0) {
                        return new Split.Invalid(i + 1, "opens a StatementBegin block inside the one opened on line "
                                + (openBlock + 1));
                    }
                    openBlock = i;
                }
                case "STATEMENTEND" -> {
                    if (openBlock < 0) {
                        return new Split.Invalid(i + 1, "has a StatementEnd without a StatementBegin above it");
                    }
                    openBlock = -1;
                }
                default -> {
                    return new Split.Invalid(i + 1, "has the goose annotation '" + matcher.group(1).strip()
                            + "', which Strata does not read (it reads Up, Down, StatementBegin, StatementEnd and NO"
                            + " TRANSACTION; ENVSUB's variable substitution is not done)");
                }
            }
        }
        if (openBlock >= 0) {
            return unclosed(openBlock);
        }
        if (up < 0) {
            return new Split.Invalid(1, "has no '-- +goose Up' line: a goose file starts its migration with one");
        }
        Section upSection = section(lines, up, down > up ? down : lines.length, noTransaction);
        Optional<Section> downSection = down < 0 ? Optional.empty()
                : Optional.of(section(lines, down, up > down ? up : lines.length, noTransaction));
        return new Split.Sections(upSection, downSection);
    }

    private static Split unclosed(int line) {
        return new Split.Invalid(line + 1, "opens a StatementBegin block that no StatementEnd closes");
    }

    private static Section section(String[] lines, int marker, int end, boolean noTransaction) {
        StringBuilder content = new StringBuilder();
        StringBuilder asWritten = new StringBuilder(noTransaction ? "-- +goose NO TRANSACTION\n" : "");
        content.append("\n".repeat(marker));
        content.append(noTransaction ? "-- strata:transaction=false" : lines[marker]).append('\n');
        asWritten.append(lines[marker]).append('\n');
        boolean hasStatements = false;
        for (int i = marker + 1; i < end; i++) {
            boolean annotation = ANNOTATION.matcher(lines[i].strip()).matches();
            // The NO TRANSACTION line is said once, by the marker line; its other annotations are comments to SQL.
            content.append(annotation && lines[i].toUpperCase(Locale.ROOT).contains("NO TRANSACTION") ? ""
                    : lines[i]).append('\n');
            asWritten.append(lines[i]).append('\n');
            hasStatements |= !lines[i].isBlank() && !lines[i].strip().startsWith("--");
        }
        return new Section(content.toString(), asWritten.toString(), hasStatements);
    }
}
