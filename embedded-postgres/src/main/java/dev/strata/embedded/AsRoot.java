package dev.strata.embedded;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL refuses to run as root (containers and CI often are root). There its programs run in a new user
 * namespace ({@code unshare -U}), where they are an unprivileged user to themselves while their files stay root's:
 * still reachable only by the invoking user.
 */
final class AsRoot {
    private static final boolean UNSHARE = OwnerOnly.currentUid() == 0 && unshareWorks();

    private AsRoot() {
    }

    static List<String> wrap(List<String> command) {
        if (!UNSHARE) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("unshare", "-U"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean unshareWorks() {
        try {
            Process process = new ProcessBuilder("unshare", "-U", "true").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
