package dev.nvmekit.testbench.media;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Everything the non-volatile media holds: the namespaces by NSID with their data and
 * attachment, and the drive's lifetime counters. It outlives controller resets (the firmware
 * keeps one across CC.EN toggles) and can be saved to a file and loaded again, for a power cycle
 * across test runs. Not thread safe: one simulation thread owns it.
 */
public final class MediaStore {
    private static final int MAGIC = 0x4E564D44; // "NVMD"
    private static final int VERSION = 1;

    private final Map<Integer, NamespaceMedia> namespaces = new TreeMap<>(Integer::compareUnsigned);
    private long powerCycles;
    private long poweredCycles;

    /** Adds a namespace; the NSID must be free. */
    public NamespaceMedia create(int nsid, long blocks, int blockSize, int lbaFormatIndex, boolean attached) {
        if (nsid == 0 || nsid == -1) {
            throw new IllegalArgumentException("NSID " + Integer.toUnsignedString(nsid) + " cannot name a namespace");
        }
        if (namespaces.containsKey(nsid)) {
            throw new IllegalArgumentException("namespace " + nsid + " already exists");
        }
        NamespaceMedia ns = new NamespaceMedia(nsid, blocks, blockSize, lbaFormatIndex, attached);
        namespaces.put(nsid, ns);
        return ns;
    }

    /** Removes a namespace and its data; false if there was none. */
    public boolean delete(int nsid) {
        return namespaces.remove(nsid) != null;
    }

    public Optional<NamespaceMedia> namespace(int nsid) {
        return Optional.ofNullable(namespaces.get(nsid));
    }

    /** Every namespace, in NSID order. */
    public List<NamespaceMedia> namespaces() {
        return List.copyOf(namespaces.values());
    }

    public boolean isEmpty() {
        return namespaces.isEmpty();
    }

    /** Bytes allocated to namespaces. */
    public long allocatedBytes() {
        return namespaces.values().stream().mapToLong(NamespaceMedia::bytes).sum();
    }

    /** Times a firmware has started on this media (SMART Power Cycles). */
    public long powerCycles() {
        return powerCycles;
    }

    public void countPowerCycle() {
        powerCycles++;
    }

    /** Clock cycles the drive has been powered over its life (for SMART Power On Hours). */
    public long poweredCycles() {
        return poweredCycles;
    }

    public void addPoweredCycles(long cycles) {
        poweredCycles += cycles;
    }

    /** Writes the whole store to {@code file} (gzip compressed). */
    public void save(Path file) {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new GZIPOutputStream(Files.newOutputStream(file))))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(powerCycles);
            out.writeLong(poweredCycles);
            out.writeInt(namespaces.size());
            for (NamespaceMedia ns : namespaces.values()) {
                out.writeInt(ns.nsid());
                out.writeLong(ns.size());
                out.writeInt(ns.blockSize());
                out.writeInt(ns.lbaFormatIndex());
                out.writeBoolean(ns.attached());
                byte[] bg = ns.background();
                out.writeBoolean(bg != null);
                if (bg != null) {
                    out.write(bg);
                }
                out.writeLong(ns.rawBlocks().size());
                for (Map.Entry<Long, byte[]> e : ns.rawBlocks().entrySet()) {
                    out.writeLong(e.getKey());
                    boolean deallocated = NamespaceMedia.isDeallocatedMarker(e.getValue());
                    out.writeBoolean(deallocated);
                    if (!deallocated) {
                        out.write(e.getValue());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save media to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a store written by {@link #save}; a file that is not one gives a clear error. */
    public static MediaStore load(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new GZIPInputStream(Files.newInputStream(file))))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException(file + " is not a saved media image");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException(file + " is media image version " + version + ", this reads " + VERSION);
            }
            MediaStore store = new MediaStore();
            store.powerCycles = in.readLong();
            store.poweredCycles = in.readLong();
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                int nsid = in.readInt();
                long size = in.readLong();
                int blockSize = in.readInt();
                int lbaf = in.readInt();
                boolean attached = in.readBoolean();
                NamespaceMedia ns = store.create(nsid, size, blockSize, lbaf, attached);
                if (in.readBoolean()) {
                    ns.restoreBackground(in.readNBytes(blockSize));
                }
                long entries = in.readLong();
                for (long e = 0; e < entries; e++) {
                    long lba = in.readLong();
                    byte[] data = in.readBoolean() ? NamespaceMedia.deallocatedMarker() : in.readNBytes(blockSize);
                    ns.rawBlocks().put(lba, data);
                }
            }
            return store;
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IllegalArgumentException(file + " is not a saved media image (or is truncated): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load media from " + file + ": " + e.getMessage(), e);
        }
    }
}
