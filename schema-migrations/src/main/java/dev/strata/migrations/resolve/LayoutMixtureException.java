package dev.strata.migrations.resolve;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.StrataException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code layout = "auto"} found files of more than one layout (or of none) in one location and will not guess which
 * is meant.
 */
public final class LayoutMixtureException extends StrataException {
    private final Map<String, List<String>> filesByLayout;

    LayoutMixtureException(String locations, Map<String, List<String>> filesByLayout) {
        super("migrations.layout = \"auto\" cannot tell the layout of " + locations + ": its files disagree ("
                        + filesByLayout.entrySet().stream()
                        .map(entry -> entry.getKey() + ": " + String.join(", ", entry.getValue()))
                        .collect(Collectors.joining("; ")) + ")",
                "rename or move the files of the other layout, or set migrations.layout (or the location's own"
                        + " ?layout=) to the layout the folder is written in (one of " + Layout.names() + ")");
        this.filesByLayout = Map.copyOf(filesByLayout);
    }

    /** Each layout's files ({@code none} for files that fit no layout), by path. */
    public Map<String, List<String>> filesByLayout() {
        return filesByLayout;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFIGURATION;
    }
}
