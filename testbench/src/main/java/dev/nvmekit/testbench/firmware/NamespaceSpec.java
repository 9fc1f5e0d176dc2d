package dev.nvmekit.testbench.firmware;

/**
 * A namespace a fresh drive comes with: its NSID, size in logical blocks and the index of its
 * LBA format in {@link FirmwareConfig#lbaFormats()}. Fresh namespaces are attached.
 */
public record NamespaceSpec(int nsid, long blocks, int lbaFormatIndex) {
    public NamespaceSpec {
        if (nsid == 0 || nsid == -1) {
            throw new IllegalArgumentException("NSID " + Integer.toUnsignedString(nsid) + " cannot name a namespace");
        }
        if (blocks < 1) {
            throw new IllegalArgumentException("namespace " + nsid + " needs at least one block, got " + blocks);
        }
        if (lbaFormatIndex < 0) {
            throw new IllegalArgumentException("namespace " + nsid + ": negative LBA format index " + lbaFormatIndex);
        }
    }
}
