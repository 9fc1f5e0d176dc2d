package dev.nvmekit.testbench.firmware;

/** A firmware DMA that the host memory refused (see {@link DmaFault}). */
public final class DmaFaultException extends RuntimeException {
    public DmaFaultException(long address, long length, boolean toHost) {
        super(String.format("DMA %s of %d bytes at 0x%x failed", toHost ? "write" : "read", length, address));
    }
}
