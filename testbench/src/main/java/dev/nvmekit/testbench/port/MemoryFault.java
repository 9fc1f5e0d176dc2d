package dev.nvmekit.testbench.port;

/**
 * A fault the host memory model injects into bursts on the {@code m_axi_} port. Each fault names
 * which bursts it hits (an address range or the n-th burst of a direction) and what happens to
 * them; a burst hit by several faults gets the first in the slave's list.
 */
public sealed interface MemoryFault {

    /** Which bursts: reads, writes or both. */
    enum Direction { READ, WRITE, ANY;

        boolean covers(boolean write) {
            return this == ANY || (this == WRITE) == write;
        }
    }

    /** Which bursts a fault hits. */
    sealed interface Target {
        boolean hits(boolean write, long address, long length, long nth);
    }

    /** Bursts of {@code direction} that overlap {@code [from, to)}. */
    record AddressRange(Direction direction, long from, long to) implements Target {
        public AddressRange {
            if (Long.compareUnsigned(from, to) >= 0) throw new IllegalArgumentException("empty address range");
        }

        @Override
        public boolean hits(boolean write, long address, long length, long nth) {
            return direction.covers(write) && Long.compareUnsigned(address, to) < 0
                    && Long.compareUnsigned(address + length, from) > 0;
        }
    }

    /** The {@code n}-th burst (1-based) of {@code direction}, counted separately for reads and writes. */
    record NthBurst(Direction direction, long n) implements Target {
        public NthBurst {
            if (direction == Direction.ANY) throw new IllegalArgumentException("count reads or writes, not both");
            if (n < 1) throw new IllegalArgumentException("bursts are counted from 1");
        }

        @Override
        public boolean hits(boolean write, long address, long length, long nth) {
            return direction.covers(write) && nth == n;
        }
    }

    Target target();

    /** Answer with {@code resp} (SLVERR or DECERR); a faulted write leaves memory unchanged, a faulted read returns zeros. */
    record ErrorResponse(Target target, int resp) implements MemoryFault {
        public ErrorResponse {
            if (resp != FrontendPorts.RESP_SLVERR && resp != FrontendPorts.RESP_DECERR) {
                throw new IllegalArgumentException("error response must be SLVERR (2) or DECERR (3), got " + resp);
            }
        }
    }

    /**
     * Never answer: no read data, no write response. No AXI master can recover from this (AXI
     * has no way to abandon a transaction), and the front end's CC.EN 1→0 waits for it (contract
     * §4.1); behind a PCIe endpoint it is what {@link CompletionTimeout} turns into an error.
     */
    record NoResponse(Target target) implements MemoryFault {
    }

    /**
     * A completion lost on the PCIe link, as a PCIe endpoint's AXI bridge sees it: no answer for
     * {@code cycles} after the address handshake, then the requester's Completion Timeout
     * (PCI Express Base Specification, section 2.8) ends the transaction with SLVERR — read data
     * of zeros, or a write that left memory unchanged.
     */
    record CompletionTimeout(Target target, long cycles) implements MemoryFault {
        public CompletionTimeout {
            if (cycles < 1) throw new IllegalArgumentException("the completion timeout must be at least 1 cycle, got " + cycles);
        }
    }

    /**
     * Flip one bit of the burst's data, read or written, answering OKAY: bit {@code bit} of the
     * burst (byte {@code bit / 8} from the start of the first beat's lane), or one chosen by the
     * slave's seeded random when {@code bit} is -1.
     */
    record BitFlip(Target target, int bit) implements MemoryFault {
        public BitFlip {
            if (bit < -1) throw new IllegalArgumentException("bit must be -1 (random) or a bit index in the burst, got " + bit);
        }

        /** A flip of a randomly chosen bit. */
        public BitFlip(Target target) {
            this(target, -1);
        }
    }

    static MemoryFault slverr(Target t) {
        return new ErrorResponse(t, FrontendPorts.RESP_SLVERR);
    }

    static MemoryFault decerr(Target t) {
        return new ErrorResponse(t, FrontendPorts.RESP_DECERR);
    }
}
