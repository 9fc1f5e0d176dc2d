package dev.nvmekit.testbench.port;

import dev.nvmekit.sim.SimulationException;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.testbench.bench.BenchLoop;
import dev.nvmekit.testbench.bench.CycleAgent;

import java.util.ArrayDeque;
import java.util.Random;

/**
 * The PCIe endpoint's BAR0 bridge as seen by the design: an AXI4-Lite master on the
 * {@code s_axil_} port (contract §3.2). Register accesses are queued and issued in order, one
 * address/data pair per access; a write's address and data channels may go out together or in
 * either order (chosen per access), as AXI allows. Writes are posted: {@link #write} returns at
 * once with a handle; {@link #read32} waits for the data.
 *
 * <p>Reads do not pass earlier writes: a read is issued only after every earlier write has been
 * answered, the ordering a PCIe root complex gives a driver's MMIO (a read flushes posted writes).
 */
public final class AxiLiteMaster implements CycleAgent {

    /** How a write's AW and W channels are sequenced. */
    public enum ChannelOrder { TOGETHER, ADDRESS_FIRST, DATA_FIRST, RANDOM }

    /**
     * @param order             AW/W sequencing of writes
     * @param responseReady     probability that bready/rready is high in a cycle (1 = always)
     * @param seed              seed of the random choices
     */
    public record Options(ChannelOrder order, double responseReady, long seed) {
        public Options {
            if (!(responseReady > 0 && responseReady <= 1)) {
                throw new IllegalArgumentException("responseReady must be in (0, 1], got " + responseReady);
            }
        }

        public static Options defaults() {
            return new Options(ChannelOrder.TOGETHER, 1.0, 1);
        }
    }

    /** One register access; {@link #done()} once its response has been received. */
    public static final class Access {
        private final boolean write;
        private final long address;
        private final int writeData;
        private final ChannelOrder order;
        private boolean addressSent, dataSent, done;
        private int readData, resp;
        private long doneCycle = -1;

        private Access(boolean write, long address, int writeData, ChannelOrder order) {
            this.write = write;
            this.address = address;
            this.writeData = writeData;
            this.order = order;
        }

        public boolean isWrite() { return write; }
        public long address() { return address; }
        public boolean done() { return done; }
        /** The read data (0 for a write); valid once done. */
        public int data() { return readData; }
        /** The AXI response code; valid once done. */
        public int resp() { return resp; }
        /** The simulator cycle at which the response arrived, or -1. */
        public long doneCycle() { return doneCycle; }
    }

    private final Simulator.SignalInfo awvalid, awready, awaddr, wvalid, wready, wdata, wstrb, bvalid, bready, bresp;
    private final Simulator.SignalInfo arvalid, arready, araddr, rvalid, rready, rdata, rresp;
    private final Options options;
    private final Random random;
    private final ArrayDeque<Access> queue = new ArrayDeque<>();
    private final ArrayDeque<Access> awaitingB = new ArrayDeque<>();
    private Access awaitingR;
    private boolean bReadyNow, rReadyNow;
    private long completed;

    public AxiLiteMaster(Simulator sim, Options options) {
        this.options = options;
        this.random = new Random(options.seed());
        awvalid = sim.signal("s_axil_awvalid");
        awready = sim.signal("s_axil_awready");
        awaddr = sim.signal("s_axil_awaddr");
        wvalid = sim.signal("s_axil_wvalid");
        wready = sim.signal("s_axil_wready");
        wdata = sim.signal("s_axil_wdata");
        wstrb = sim.signal("s_axil_wstrb");
        bvalid = sim.signal("s_axil_bvalid");
        bready = sim.signal("s_axil_bready");
        bresp = sim.signal("s_axil_bresp");
        arvalid = sim.signal("s_axil_arvalid");
        arready = sim.signal("s_axil_arready");
        araddr = sim.signal("s_axil_araddr");
        rvalid = sim.signal("s_axil_rvalid");
        rready = sim.signal("s_axil_rready");
        rdata = sim.signal("s_axil_rdata");
        rresp = sim.signal("s_axil_rresp");
    }

    public AxiLiteMaster(Simulator sim) {
        this(sim, Options.defaults());
    }

    /** Queues a posted 32-bit write at BAR offset {@code address}. */
    public Access write(long address, int data) {
        checkAligned(address);
        ChannelOrder o = options.order();
        if (o == ChannelOrder.RANDOM) o = ChannelOrder.values()[random.nextInt(3)];
        Access a = new Access(true, address, data, o);
        queue.add(a);
        return a;
    }

    /** Queues a 32-bit read at BAR offset {@code address}. */
    public Access read(long address) {
        checkAligned(address);
        Access a = new Access(false, address, 0, ChannelOrder.TOGETHER);
        queue.add(a);
        return a;
    }

    /**
     * A 64-bit register write as two dword writes, low then high — what Linux's
     * {@code lo_hi_writeq} does for ASQ/ACQ in {@code nvme_pci_configure_admin_queue}.
     */
    public void write64(long address, long value) {
        write(address, (int) value);
        write(address + 4, (int) (value >>> 32));
    }

    /** Reads a dword, waiting (in the calling bench process) for the answer. */
    public int read32(BenchLoop.Context ctx, long address) {
        Access a = read(address);
        ctx.waitUntil(a::done);
        return a.data();
    }

    /** Reads a 64-bit register low dword first ({@code lo_hi_readq}). */
    public long read64(BenchLoop.Context ctx, long address) {
        long lo = read32(ctx, address) & 0xFFFF_FFFFL;
        long hi = read32(ctx, address + 4) & 0xFFFF_FFFFL;
        return lo | hi << 32;
    }

    /** Waits until every queued access has been answered. */
    public void drain(BenchLoop.Context ctx) {
        ctx.waitUntil(this::idle);
    }

    /** Whether no access is queued or in flight. */
    public boolean idle() {
        return queue.isEmpty() && awaitingB.isEmpty() && awaitingR == null;
    }

    /** Accesses answered so far. */
    public long completed() {
        return completed;
    }

    private static void checkAligned(long address) {
        if ((address & 3) != 0 || address < 0 || address > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(String.format("AXI-Lite access must be a dword-aligned 32-bit address, got %#x", address));
        }
    }

    private boolean headWriteMay(boolean addressChannel) {
        Access a = queue.peek();
        if (a == null || !a.write) return false;
        if (addressChannel) return !a.addressSent && (a.order != ChannelOrder.DATA_FIRST || a.dataSent);
        return !a.dataSent && (a.order != ChannelOrder.ADDRESS_FIRST || a.addressSent);
    }

    private boolean headReadMay() {
        Access a = queue.peek();
        return a != null && !a.write && awaitingB.isEmpty() && awaitingR == null;
    }

    @Override
    public void drive(Simulator sim) {
        boolean aw = headWriteMay(true), w = headWriteMay(false), ar = headReadMay();
        Access head = queue.peek();
        sim.poke(awvalid, aw ? 1 : 0);
        sim.poke(awaddr, aw ? head.address : 0);
        sim.poke(wvalid, w ? 1 : 0);
        sim.poke(wdata, w ? head.writeData & 0xFFFF_FFFFL : 0);
        sim.poke(wstrb, w ? 0xF : 0);
        sim.poke(arvalid, ar ? 1 : 0);
        sim.poke(araddr, ar ? head.address : 0);
        bReadyNow = options.responseReady() >= 1 || random.nextDouble() < options.responseReady();
        rReadyNow = options.responseReady() >= 1 || random.nextDouble() < options.responseReady();
        sim.poke(bready, bReadyNow ? 1 : 0);
        sim.poke(rready, rReadyNow ? 1 : 0);
    }

    @Override
    public void sample(Simulator sim) {
        Access head = queue.peek();
        if (head != null && head.write) {
            boolean aw = headWriteMay(true) && sim.peek(awready) == 1;
            boolean w = headWriteMay(false) && sim.peek(wready) == 1;
            if (aw) head.addressSent = true;
            if (w) head.dataSent = true;
            if (head.addressSent && head.dataSent) awaitingB.add(queue.poll());
        } else if (head != null && headReadMay() && sim.peek(arready) == 1) {
            awaitingR = queue.poll();
        }
        if (bReadyNow && sim.peek(bvalid) == 1) {
            Access a = awaitingB.poll();
            if (a == null) throw new SimulationException("s_axil_bvalid at cycle " + sim.cycle() + " with no write outstanding");
            finish(a, (int) sim.peek(bresp), 0, sim);
        }
        if (rReadyNow && sim.peek(rvalid) == 1) {
            Access a = awaitingR;
            if (a == null) throw new SimulationException("s_axil_rvalid at cycle " + sim.cycle() + " with no read outstanding");
            awaitingR = null;
            finish(a, (int) sim.peek(rresp), (int) sim.peek(rdata), sim);
        }
    }

    private void finish(Access a, int resp, int data, Simulator sim) {
        a.resp = resp;
        a.readData = data;
        a.doneCycle = sim.cycle();
        a.done = true;
        completed++;
    }
}
