package dev.nvmekit.testbench.firmware;

/**
 * Decides which of the firmware's own host memory accesses fail, as a PCIe completion with an
 * error or a poisoned TLP would: the command then completes with Data Transfer Error. PRP list
 * and SGL segment reads go through the same hook as data.
 */
@FunctionalInterface
public interface DmaFault {
    /** No access fails. */
    DmaFault NONE = (address, length, toHost) -> false;

    /** Whether the access of {@code length} bytes at {@code address} fails; {@code toHost} for writes to memory. */
    boolean fails(long address, long length, boolean toHost);

    /** Every access touching {@code [from, from + length)} fails. */
    static DmaFault range(long from, long length) {
        return (address, n, toHost) -> Long.compareUnsigned(address, from + length) < 0
                && Long.compareUnsigned(address + n, from) > 0;
    }
}
