package dev.strata.cli.output;

/** "1 migration", "2 migrations": counts in sentences. */
public final class Plural {
    private Plural() {
    }

    public static String of(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
