package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Layout;

import java.util.List;
import java.util.Optional;

/**
 * The files {@code strata new} writes for the next migration, in the location's own layout: a {@code V} file, a
 * sqlx file (or reversible pair), a golang-migrate or popx pair, a dbmate or goose file with both section markers,
 * or a diesel directory. A temporal-sql-tool folder's next file belongs in a manifest, which only its author can
 * place ({@link #writes}).
 */
public final class NewMigrationFiles {

    /**
     * A file to create.
     *
     * @param relativePath below the location, e.g. {@code 20240105093000_add_users/up.sql}
     */
    public record NewFile(String relativePath, String content) {
    }

    /** Fourteen digits, {@code yyyyMMddHHmmss}: what sqlx, golang-migrate, dbmate and diesel number new files with. */
    public static final String TIMESTAMP_STYLE = "20000101000000";

    private NewMigrationFiles() {
    }

    /**
     * The version of the newest file as its name writes it, which shows the numbering style (diesel's dashes
     * dropped, since its timestamps are numbered as 14 digits).
     */
    public static String versionAsWritten(Layout layout, String script) {
        return switch (layout) {
            case STRATA, AUTO -> script.substring(1, script.indexOf("__"));
            case DIESEL -> script.substring(0, script.indexOf('_')).replace("-", "");
            case SQLX, GOLANG_MIGRATE, DBMATE, GOOSE, POPX -> script.substring(0, script.indexOf('_'));
            case TEMPORAL -> throw new IllegalArgumentException(notWritten(layout));
        };
    }

    /** Whether {@code strata new} writes files in {@code layout}: every layout but temporal-sql-tool's. */
    public static boolean writes(Layout layout) {
        return layout != Layout.TEMPORAL;
    }

    private static String notWritten(Layout layout) {
        return "strata new does not write " + layout + " migrations";
    }

    /** The style of an empty location: Strata counts from 1, the other tools number by time. */
    public static Optional<String> defaultStyle(Layout layout) {
        return layout == Layout.STRATA || layout == Layout.AUTO ? Optional.empty() : Optional.of(TIMESTAMP_STYLE);
    }

    /**
     * @param version    the next version, as {@link #versionAsWritten} writes versions (diesel's 14 digits get its
     *                   dashes back)
     * @param slug       the description as a file name part, e.g. {@code add_users}
     * @param reversible for sqlx, whether to write an up/down pair (as the location already does) or one file
     */
    public static List<NewFile> of(Layout layout, String version, String slug, String description,
                                   boolean reversible) {
        String comment = "-- " + description + "\n";
        String stem = version + "_" + slug;
        return switch (layout) {
            case STRATA, AUTO -> List.of(new NewFile("V" + version + "__" + slug + ".sql", comment));
            case SQLX -> reversible
                    ? List.of(new NewFile(stem + ".up.sql", comment), new NewFile(stem + ".down.sql", comment))
                    : List.of(new NewFile(stem + ".sql", comment));
            case GOLANG_MIGRATE, POPX -> List.of(new NewFile(stem + ".up.sql", comment),
                    new NewFile(stem + ".down.sql", comment));
            case GOOSE -> List.of(new NewFile(stem + ".sql", comment + "-- +goose Up\n\n-- +goose Down\n"));
            case TEMPORAL -> throw new IllegalArgumentException(notWritten(layout));
            case DBMATE -> List.of(new NewFile(stem + ".sql", comment + "-- migrate:up\n\n-- migrate:down\n"));
            case DIESEL -> {
                String directory = dieselVersion(version) + "_" + slug + "/";
                yield List.of(new NewFile(directory + "up.sql", comment), new NewFile(directory + "down.sql", comment));
            }
        };
    }

    /** {@code 20240105093000} as diesel writes it, {@code 2024-01-05-093000}; any other version as it is. */
    private static String dieselVersion(String version) {
        return version.length() == 14 && version.chars().allMatch(Character::isDigit)
                ? version.substring(0, 4) + "-" + version.substring(4, 6) + "-" + version.substring(6, 8) + "-"
                + version.substring(8) : version;
    }
}
