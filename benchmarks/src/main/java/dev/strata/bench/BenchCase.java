package dev.strata.bench;

/** The measured cases; each runs every tool that supports it on the same files and server. */
enum BenchCase {
    COLD("cold migrate", "every file applied to a fresh database"),
    NOOP("no-op migrate", "migrate with all N files already applied"),
    VALIDATE("validate", "validate with all N files applied");

    private final String title;
    private final String meaning;

    BenchCase(String title, String meaning) {
        this.title = title;
        this.meaning = meaning;
    }

    String title() {
        return title;
    }

    String meaning() {
        return meaning;
    }
}
