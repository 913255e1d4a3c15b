package dev.strata.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether stdin is a terminal, as {@code test -t 0} says. */
final class Terminal {
    private static final Path STDIN = Path.of("/proc/self/fd/0");

    private Terminal() {
    }

    static boolean stdinIsTerminal() {
        // Linux names stdin's device; a terminal is a tty or a pseudo-terminal. System.console() needs stdout to be
        // one too, which `strata migrate | tee log` at a keyboard is not, so it is only the fallback elsewhere.
        if (Files.isSymbolicLink(STDIN)) {
            try {
                String device = Files.readSymbolicLink(STDIN).toString();
                return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
            } catch (IOException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
