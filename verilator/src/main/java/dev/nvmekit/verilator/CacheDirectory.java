package dev.nvmekit.verilator;

import dev.nvmekit.sim.SimulationException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A directory of build products keyed by content hash, safe for several threads and JVMs.
 *
 * <p>An entry {@code <root>/<key>/} is complete only when its marker file lists the SHA-256 of
 * every product and each product still has that hash; anything else (a crash mid-build, a
 * truncated or garbled file, a deleted marker) is discarded and rebuilt. Builds happen in a
 * private temporary directory under the root and appear by one atomic rename, under a file lock
 * per key (other JVMs) and a monitor per key (other threads of this JVM, since file locks are
 * held per process).
 */
final class CacheDirectory {
    static final String MARKER = "nvmekit-complete";

    /**
     * Builds an entry's products into {@code out} (an empty directory); {@code scratch} is an
     * empty directory for intermediate files, deleted afterwards.
     */
    @FunctionalInterface
    interface Builder {
        void build(Path scratch, Path out) throws IOException;
    }

    // File locks are per process, so threads of one JVM also need a monitor per lock file. This
    // table is the one JVM-wide state of the backend; it only ever holds lock objects.
    private static final ConcurrentHashMap<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path root;

    CacheDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** The complete entry for {@code key}, built by {@code builder} first when absent or damaged. */
    Path obtain(String key, Builder builder) {
        Path entry = root.resolve(key);
        if (isComplete(entry, key)) return entry;
        try {
            Files.createDirectories(root);
            Path lockFile = root.resolve(key + ".lock");
            synchronized (JVM_LOCKS.computeIfAbsent(lockFile, k -> new Object())) {
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    // Another JVM or thread may have finished the entry while we waited.
                    if (isComplete(entry, key)) return entry;
                    removeLeftovers(key);
                    if (Files.exists(entry)) discard(entry);
                    Path tmp = Files.createTempDirectory(root, key + ".tmp-");
                    try {
                        Path scratch = Files.createDirectory(tmp.resolve(".scratch"));
                        builder.build(scratch, tmp);
                        deleteTree(scratch);
                        writeMarker(tmp, key);
                        Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE);
                    } finally {
                        if (Files.exists(tmp)) deleteTree(tmp);
                    }
                }
            }
        } catch (IOException e) {
            throw new SimulationException("cannot use the Verilator model cache in " + root + ": " + e.getMessage()
                    + " (set -D" + ModelCache.DIR_PROPERTY + "=<dir> or " + ModelCache.DIR_ENV + " to use another directory)", e);
        }
        return entry;
    }

    /** Whether {@code entry} has a marker for {@code key} whose every listed file has its recorded hash. */
    static boolean isComplete(Path entry, String key) {
        Path marker = entry.resolve(MARKER);
        if (!Files.isRegularFile(marker)) return false;
        try {
            List<String> lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
            if (lines.size() < 2 || !lines.getFirst().equals("key " + key)) return false;
            for (String line : lines.subList(1, lines.size())) {
                int sp = line.indexOf(' ');
                if (sp < 0) return false;
                Path file = entry.resolve(line.substring(sp + 1));
                if (!Files.isRegularFile(file) || !sha256(file).equals(line.substring(0, sp))) return false;
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static void writeMarker(Path dir, String key) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("key " + key);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                lines.add(sha256(f) + " " + f.getFileName());
            }
        }
        if (lines.size() < 2) throw new IOException("the build produced no files");
        // The marker is written last: its presence is what makes the entry count as complete.
        Files.write(dir.resolve(MARKER), lines, StandardCharsets.UTF_8);
    }

    /** Moves a damaged entry out of the way (atomically) and deletes it. */
    private void discard(Path entry) throws IOException {
        Path trash = Files.createTempDirectory(root, entry.getFileName() + ".trash-");
        Files.move(entry, trash.resolve("entry"), StandardCopyOption.ATOMIC_MOVE);
        deleteTree(trash);
    }

    /** Temporary directories of builds for {@code key} that crashed; only called under the key's lock. */
    private void removeLeftovers(String key) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, key + ".{tmp,trash}-*")) {
            for (Path p : ds) deleteTree(p);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[1 << 16];
        try (var in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
