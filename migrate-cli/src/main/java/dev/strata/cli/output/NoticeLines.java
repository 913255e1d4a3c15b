package dev.strata.cli.output;

import dev.strata.migrations.core.AppliedFile;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.execute.progress.ExecutionListener;
import dev.strata.migrations.execute.progress.ServerNotice;

import java.io.PrintWriter;

/** Shows the server's notices on stderr, with their file and line, beside whatever {@code progress} shows. */
public final class NoticeLines implements ExecutionListener {
    private final ExecutionListener progress;
    private final PrintWriter err;

    public NoticeLines(ExecutionListener progress, PrintWriter err) {
        this.progress = progress;
        this.err = err;
    }

    @Override
    public void starting(ResolvedMigration migration) {
        progress.starting(migration);
    }

    @Override
    public void applied(AppliedFile run) {
        progress.applied(run);
    }

    @Override
    public void stopped(ResolvedMigration migration) {
        progress.stopped(migration);
    }

    @Override
    public void resolution(String note) {
        err.println(note);
        err.flush();
    }

    @Override
    public void notice(ServerNotice notice) {
        err.println(notice.describe());
        err.flush();
    }
}
