package dev.strata.cli;

/** "1 migration", "2 migrations": counts in sentences. */
final class Plural {
    private Plural() {
    }

    static String of(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
