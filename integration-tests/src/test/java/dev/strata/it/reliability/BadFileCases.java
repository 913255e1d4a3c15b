package dev.strata.it.reliability;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.strata.it.reliability.BadInput.of;

/**
 * Bad migration files, each with the message that names it: file names, encodings, unterminated
 * quotes and comments, duplicate versions, drift from the history, directives. All exit 4 before anything runs.
 */
final class BadFileCases {
    private static final int VALIDATION = 4;

    private BadFileCases() {
    }

    static List<BadInput> all() {
        return List.of(
                // File names
                of("lower-case v prefix", VALIDATION, c -> c.write("v4__add_x.sql", "select 1;\n"),
                        "v4__add_x.sql is not a migration file name: the prefix must be an upper-case V"),
                of("one underscore after the version", VALIDATION, c -> c.write("V4_add_x.sql", "select 1;\n"),
                        "V4_add_x.sql", "the version and the description must be separated by two underscores"),
                of("letters in the version", VALIDATION, c -> c.write("V4a__add_x.sql", "select 1;\n"),
                        "'4a' is not a version (digit groups separated by . or _)"),
                of("empty description", VALIDATION, c -> c.write("V4__.sql", "select 1;\n"),
                        "V4__.sql", "the description after __ is empty"),
                of("forbidden character in the description", VALIDATION, c -> c.write("V4__add_x!.sql", "select 1;\n"),
                        "the description may hold only letters, digits, _, -, . and spaces"),
                of("no V prefix", VALIDATION, c -> c.write("4__add_x.sql", "select 1;\n"),
                        "4__add_x.sql", "it does not start with V (or U for an undo file, R__ for a repeatable one)"),
                of("upper-case extension", VALIDATION, c -> c.write("V4__add_x.SQL", "select 1;\n"),
                        "V4__add_x.SQL", "the extension must be a lower-case .sql"),
                of("lower-case u undo prefix", VALIDATION, c -> c.write("u3__undo_events.sql", "drop table x;\n"),
                        "the prefix of an undo file must be an upper-case U"),
                of("undo file without its migration", VALIDATION, c -> c.write("U9__undo_nine.sql", "select 1;\n"),
                        "U9__undo_nine.sql undoes version 9, but no V9__<description>.sql file has that version"),
                // Encodings
                of("Latin-1 file", VALIDATION, c -> c.writeBytes("V4__latin1.sql",
                                concat("insert into jobs values (1, 'caf".getBytes(StandardCharsets.US_ASCII),
                                        new byte[] {(byte) 0xE9}, "');\n".getBytes(StandardCharsets.US_ASCII))),
                        "V4__latin1.sql (version 4) is not valid UTF-8: invalid byte sequence at byte offset 32",
                        "re-save the file as UTF-8"),
                of("UTF-16 little-endian file", VALIDATION, c -> c.writeBytes("V4__utf16.sql",
                                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "select 1;\n".getBytes(StandardCharsets.UTF_16LE))),
                        "V4__utf16.sql (version 4) is UTF-16, not UTF-8: it starts with the byte order mark FF FE"),
                of("UTF-16 big-endian file", VALIDATION, c -> c.writeBytes("V4__utf16be.sql",
                                concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "select 1;\n".getBytes(StandardCharsets.UTF_16BE))),
                        "is UTF-16, not UTF-8: it starts with the byte order mark FE FF"),
                of("NUL character", VALIDATION, c -> c.write("V4__nul.sql", "select 1;\nselect '\0';\n"),
                        "V4__nul.sql (version 4) contains a NUL character (byte 0) on line 2"),
                of("truncated UTF-8 sequence at the end", VALIDATION, c -> c.writeBytes("V4__truncated.sql",
                                concat("select 'x';\n".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xC3})),
                        "is not valid UTF-8: invalid byte sequence at byte offset 12"),
                // Unterminated quotes and comments: reported where they start
                of("unterminated dollar quote", VALIDATION, c -> c.write("V4__function.sql", "select 1;\n"
                                + "create function f() returns int as $body$\n  begin return 1; end;\n$bod$ language plpgsql;\n"),
                        "V4__function.sql:2:36: unterminated dollar-quoted string $body$ starting at line 2, column 36",
                        "add the closing $body$"),
                of("unterminated string", VALIDATION, c -> c.write("V4__string.sql", "select 1;\nselect 'it''s;\n"),
                        "unterminated string '…' starting at line 2, column 8",
                        "a quote inside the string is written ''"),
                of("unterminated escape string", VALIDATION, c -> c.write("V4__escape.sql", "select E'it\\'s;\n"),
                        "unterminated escape string E'…' starting at line 1, column 8"),
                of("unterminated quoted identifier", VALIDATION, c -> c.write("V4__ident.sql", "select 1 as \"we;ird;\n"),
                        "unterminated quoted identifier \"…\" starting at line 1, column 13"),
                of("unterminated nested comment", VALIDATION, c -> c.write("V4__comment.sql",
                                "select 1; /* outer /* inner */ still open;\nselect 2;\n"),
                        "unterminated /* comment starting at line 1, column 11", "nested comments need one */ per /*"),
                // Duplicate versions
                of("two files with one version", VALIDATION, c -> {
                    c.write("V4__first.sql", "select 1;\n");
                    c.write("V4__second.sql", "select 2;\n");
                }, "version 4 is used by two files", "V4__first.sql", "V4__second.sql"),
                of("4 and 4.0 are one version", VALIDATION, c -> {
                    c.write("V4__first.sql", "select 1;\n");
                    c.write("V4.0__second.sql", "select 2;\n");
                }, "is used by two files", "V4__first.sql", "V4.0__second.sql"),
                of("a new file with an applied version", VALIDATION, c -> c.write("V3.0__again.sql", "select 1;\n"),
                        "version 3 is used by two files", "V3.0__again.sql", "V3__create_events.sql")
                        .without("edit detected"),
                // Drift from the history
                of("pending file older than the applied ones", VALIDATION, c -> c.write("V2.5__late.sql", "select 1;\n"),
                        "V2.5__late.sql (version 2.5) is pending but older than the newest applied version 3",
                        "set out_of_order = true"),
                of("applied file edited", VALIDATION, c -> c.write("V2__add_status.sql",
                                "alter table jobs add column status text not null default 'new';\n"),
                        "edit detected in", "V2__add_status.sql (version 2) after it was applied",
                        "restore the file as it was applied, or run `strata repair`"),
                of("applied file deleted", VALIDATION, c -> c.delete("V2__add_status.sql"),
                        "version 2 (V2__add_status.sql) is applied but its file is missing"),
                // Directives and statements that cannot run in a transaction
                of("CREATE INDEX CONCURRENTLY in a transactional file", VALIDATION, c -> c.write("V4__index.sql",
                                "create index concurrently ix_jobs_name on jobs (name);\n"),
                        "V4__index.sql:1: 'create index concurrently ix_jobs_name on jobs (name)' cannot run inside a"
                                + " transaction", "make `-- strata:transaction=false` the first line of V4__index.sql"),
                of("unknown directive", VALIDATION, c -> c.write("V4__directive.sql",
                                "-- strata:transactional=false\nselect 1;\n"),
                        "V4__directive.sql:1: unknown directive strata:transactional"),
                of("directive with a bad duration", VALIDATION, c -> c.write("V4__directive.sql",
                                "-- strata:lock_timeout=5parsecs\nselect 1;\n"),
                        "V4__directive.sql:1: '5parsecs' is not a positive duration"),
                of("directive with a bad boolean", VALIDATION, c -> c.write("V4__directive.sql",
                                "-- strata:transaction=maybe\nselect 1;\n"),
                        "strata:transaction must be true or false, was 'maybe'"));
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
