package dev.strata.migrations.sql;

import java.util.List;

/**
 * The parts of a script that are not statements, as {@link SqlSplitter#lexicon} finds them.
 *
 * @param lineComments         every {@code --} comment, in order
 * @param backslashLineOffsets char offsets of the backslashes that start a line outside strings and comments
 */
public record ScriptLexicon(List<Comment> lineComments, List<Integer> backslashLineOffsets) {

    public ScriptLexicon {
        lineComments = List.copyOf(lineComments);
        backslashLineOffsets = List.copyOf(backslashLineOffsets);
    }

    /** A line comment: its offset in the script and its text from the {@code --} to the end of its line. */
    public record Comment(int offset, String text) {
    }
}
