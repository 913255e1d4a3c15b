package dev.strata.migrations.execute;

/**
 * The command whose run a file belongs to, which is the command a failure hint tells the user to run again: a failed
 * undo file is retried with {@code strata undo}, never with {@code strata migrate}, which would re-apply instead.
 */
public enum RunCommand {
    MIGRATE("migrate", "migration(s) before it in this run were applied and recorded"),
    UNDO("undo", "undo file(s) before it in this run were run and recorded");

    private final String name;
    private final String earlierFiles;

    RunCommand(String name, String earlierFiles) {
        this.name = name;
        this.earlierFiles = earlierFiles;
    }

    /** As the user types it: {@code strata undo}. */
    public String invocation() {
        return "strata " + name;
    }

    /** What became of the {@code count} (at least 1) files this run finished before the failing one. */
    String earlier(int count) {
        return count + " " + earlierFiles;
    }

    /** The command's name, {@code undo}. */
    @Override
    public String toString() {
        return name;
    }
}
