package dev.strata.migrations.history;

/**
 * Values written into SQL text, for statements that must travel in a JDBC batch (which takes no parameters).
 * Dollar quoting needs no escaping and means the same whatever {@code standard_conforming_strings} says; the tag is
 * chosen so that it does not occur in the value.
 */
final class SqlLiteral {
    private SqlLiteral() {
    }

    /** {@code null}, or the value dollar-quoted. */
    static String text(String value) {
        if (value == null) {
            return "null";
        }
        String tag = "$s$";
        // The value must not hold the tag, nor end with a prefix of it that the closing tag would complete.
        for (int n = 1; (value + tag).indexOf(tag) != value.length(); n++) {
            tag = "$s" + n + "$";
        }
        return tag + value + tag;
    }
}
