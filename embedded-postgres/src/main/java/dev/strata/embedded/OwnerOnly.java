package dev.strata.embedded;

import com.sun.security.auth.module.UnixSystem;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Ownership and mode checks on files the server runs or keeps: a file is trusted only when the invoking user owns it
 * and nobody else can write it (or, for a directory, list or enter it), read without following symbolic links.
 */
final class OwnerOnly {
    static final String DIRECTORY_MODE = "rwx------";
    private static final int GROUP_OR_OTHER_WRITE = 0022;
    private static final int GROUP_OR_OTHER_ANY = 0077;
    private static final int STICKY = 01000;

    private OwnerOnly() {
    }

    static long currentUid() {
        return new UnixSystem().getUid();
    }

    /**
     * Creates {@code directory} with mode 0700, or checks that the existing one is ours, a real directory, and
     * writable by nobody else ({@code strict}: not usable by anyone else at all, mode 700).
     */
    static Path directory(Path directory, String role, boolean strict) {
        try {
            if (Files.notExists(directory, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString(DIRECTORY_MODE)));
            }
        } catch (FileAlreadyExistsException raced) {
            // made by a concurrent start of ours or by someone else: the check below decides
        } catch (IOException e) {
            throw new EmbeddedPostgresException(EmbeddedPostgresException.Kind.START_FAILED,
                    "cannot create the " + role + " " + directory + ": " + e.getMessage(),
                    "check that its parent directory exists and is writable", e);
        }
        problem(directory, strict).ifPresent(problem -> {
            throw unsafe(directory, role, problem);
        });
        return directory;
    }

    /**
     * Why {@code path} is not trusted, or empty when it is ours and nobody else may write it ({@code strict}: nor
     * read or enter it).
     */
    static Optional<String> problem(Path path, boolean strict) {
        try {
            if (Files.isSymbolicLink(path)) {
                return Optional.of("it is a symbolic link");
            }
            long uid = ((Number) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
            if (uid != currentUid()) {
                return Optional.of("it is owned by user id " + uid + ", not by the invoking user ("
                        + currentUid() + ")");
            }
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if ((mode & (strict ? GROUP_OR_OTHER_ANY : GROUP_OR_OTHER_WRITE)) != 0) {
                return Optional.of("its mode is " + Integer.toOctalString(mode & 07777)
                        + (strict ? " (other users may use it; expected 700)" : " (other users may write it)"));
            }
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("its owner and mode cannot be read (" + e.getMessage() + ")");
        }
    }

    /** A parent another user could rename our directory out of: writable by others without the sticky bit. */
    static Optional<String> parentProblem(Path parent) {
        try {
            int mode = (Integer) Files.getAttribute(parent, "unix:mode");
            if ((mode & GROUP_OR_OTHER_WRITE) != 0 && (mode & STICKY) == 0) {
                return Optional.of("its parent " + parent + " is writable by other users (mode "
                        + Integer.toOctalString(mode & 07777) + ", no sticky bit)");
            }
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("the mode of its parent " + parent + " cannot be read (" + e.getMessage() + ")");
        }
    }

    static EmbeddedPostgresException unsafe(Path path, String role, String problem) {
        return new EmbeddedPostgresException(EmbeddedPostgresException.Kind.UNSAFE_DIRECTORY,
                "refusing to use the " + role + " " + path + ": " + problem
                        + "; another local user could change what the embedded PostgreSQL runs or stores",
                "remove or fix it (it must be a directory owned by you with mode 700), or choose another location");
    }
}
