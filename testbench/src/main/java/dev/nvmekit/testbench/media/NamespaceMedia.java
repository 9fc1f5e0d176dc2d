package dev.nvmekit.testbench.media;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The logical blocks of one namespace as the media holds them, sparse: a block never written, or
 * deallocated, reads as zeros (what the firmware reports in Identify Namespace DLFEAT bits 2:0 =
 * 001b). After an overwrite sanitize that keeps the data allocated (No-Deallocate After Sanitize),
 * every block not written since reads as the overwrite pattern instead.
 *
 * <p>Besides the data it keeps what must survive a power cycle about the namespace: its size,
 * the LBA format in use and whether it is attached to the controller.
 */
public final class NamespaceMedia {
    /** Marks a deallocated block while a background pattern fills the unwritten ones. */
    private static final byte[] DEALLOCATED = new byte[0];

    private final int nsid;
    private final Map<Long, byte[]> blocks = new HashMap<>();
    private long size;
    private int blockSize;
    private int lbaFormatIndex;
    private boolean attached;
    private byte[] background;

    NamespaceMedia(int nsid, long size, int blockSize, int lbaFormatIndex, boolean attached) {
        if (size < 1) {
            throw new IllegalArgumentException("namespace " + nsid + " needs at least one block, got " + size);
        }
        checkBlockSize(blockSize);
        this.nsid = nsid;
        this.size = size;
        this.blockSize = blockSize;
        this.lbaFormatIndex = lbaFormatIndex;
        this.attached = attached;
    }

    private static void checkBlockSize(int blockSize) {
        if (blockSize < 512 || Integer.bitCount(blockSize) != 1) {
            throw new IllegalArgumentException("block size must be a power of two >= 512, got " + blockSize);
        }
    }

    public int nsid() {
        return nsid;
    }

    /** NSZE: logical blocks in the namespace. */
    public long size() {
        return size;
    }

    public int blockSize() {
        return blockSize;
    }

    public int lbaFormatIndex() {
        return lbaFormatIndex;
    }

    public boolean attached() {
        return attached;
    }

    public void setAttached(boolean attached) {
        this.attached = attached;
    }

    /** Size in bytes. */
    public long bytes() {
        return size * blockSize;
    }

    /** {@code count} blocks from {@code lba}, concatenated. */
    public byte[] read(long lba, int count) {
        checkRange(lba, count);
        byte[] out = new byte[Math.multiplyExact(count, blockSize)];
        for (int i = 0; i < count; i++) {
            byte[] b = blocks.get(lba + i);
            if (b == null && background != null) {
                b = background;
            }
            if (b != null && b != DEALLOCATED) {
                System.arraycopy(b, 0, out, i * blockSize, blockSize);
            }
        }
        return out;
    }

    /** Writes whole blocks from {@code lba}; {@code data} is a multiple of the block size. */
    public void write(long lba, byte[] data) {
        if (data.length % blockSize != 0) {
            throw new IllegalArgumentException(data.length + " bytes is not a whole number of " + blockSize + "-byte blocks");
        }
        int count = data.length / blockSize;
        checkRange(lba, count);
        for (int i = 0; i < count; i++) {
            blocks.put(lba + i, Arrays.copyOfRange(data, i * blockSize, (i + 1) * blockSize));
        }
    }

    /** Write Zeroes: the blocks read as zeros afterwards, deallocated if {@code deallocate}. */
    public void writeZeroes(long lba, long count, boolean deallocate) {
        checkRange(lba, count);
        if (deallocate) {
            deallocate(lba, count);
            return;
        }
        for (long i = 0; i < count; i++) {
            blocks.put(lba + i, new byte[blockSize]);
        }
    }

    /** Deallocates (trims) the blocks: they read as zeros and no longer count as used. */
    public void deallocate(long lba, long count) {
        checkRange(lba, count);
        for (long i = 0; i < count; i++) {
            if (background != null) {
                blocks.put(lba + i, DEALLOCATED);
            } else {
                blocks.remove(lba + i);
            }
        }
    }

    /** Whether the block holds data (written, or filled by an overwrite that kept it allocated). */
    public boolean allocated(long lba) {
        byte[] b = blocks.get(lba);
        return b != null ? b != DEALLOCATED : background != null;
    }

    /** NUSE: blocks that hold data. */
    public long allocatedBlocks() {
        if (background == null) {
            return blocks.size();
        }
        long deallocated = blocks.values().stream().filter(b -> b == DEALLOCATED).count();
        return size - deallocated;
    }

    /** Block erase, crypto erase, or a format's user data erase: every block deallocated. */
    public void erase() {
        blocks.clear();
        background = null;
    }

    /** Overwrite sanitize without deallocation: every block holds the 32-bit pattern, little endian. */
    public void overwrite(int pattern) {
        blocks.clear();
        background = new byte[blockSize];
        for (int i = 0; i < blockSize; i += 4) {
            background[i] = (byte) pattern;
            background[i + 1] = (byte) (pattern >>> 8);
            background[i + 2] = (byte) (pattern >>> 16);
            background[i + 3] = (byte) (pattern >>> 24);
        }
    }

    /**
     * Format NVM to another LBA format: the data is erased and the namespace keeps its size in
     * bytes, so its size in blocks changes with the block size.
     */
    public void reformat(int newLbaFormatIndex, int newBlockSize) {
        checkBlockSize(newBlockSize);
        long bytes = bytes();
        erase();
        lbaFormatIndex = newLbaFormatIndex;
        blockSize = newBlockSize;
        size = Math.max(1, bytes / newBlockSize);
    }

    private void checkRange(long lba, long count) {
        if (lba < 0 || count < 0 || lba + count > size || lba + count < lba) {
            throw new IllegalArgumentException("blocks " + lba + "+" + count + " outside namespace " + nsid
                    + " of " + size + " blocks");
        }
    }

    // Persistence plumbing for MediaStore.
    Map<Long, byte[]> rawBlocks() {
        return blocks;
    }

    byte[] background() {
        return background;
    }

    void restoreBackground(byte[] b) {
        background = b;
    }

    static boolean isDeallocatedMarker(byte[] b) {
        return b == DEALLOCATED;
    }

    static byte[] deallocatedMarker() {
        return DEALLOCATED;
    }
}
