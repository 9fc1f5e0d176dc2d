package dev.nvmekit.testbench.port;

import dev.nvmekit.sim.Simulator;
import dev.nvmekit.testbench.bench.CycleAgent;
import dev.nvmekit.testbench.nvme.HostMemory;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Host memory behind the design's AXI4 master port {@code m_axi_} (contract §3.3): the PCIe
 * endpoint's path to the host's DRAM, over a {@link HostMemory} that the host driver model uses
 * directly. Memory is read when a beat is offered and written when a burst's last beat arrives, so
 * the device sees the host's own stores in between. Timing, backpressure and read reordering
 * follow an {@link AxiMemoryConfig}; {@link MemoryFault}s can be injected at any time.
 *
 * <p>AXI rules kept here: responses of one ID stay in order; read bursts are not interleaved;
 * write data may arrive before its address. What the slave cannot serve correctly (a burst type
 * other than INCR, a beat wider than the bus, a wrong WLAST) is recorded in
 * {@link #protocolErrors()} for the test to assert on.
 */
public final class AxiMemorySlave implements CycleAgent {

    /** A fault that hit a burst: when, which fault, and the burst. */
    public record InjectedFault(long cycle, MemoryFault fault, boolean write, long address, int id) {
    }

    private static final class Burst {
        final boolean write;
        final long address;
        final int len, size, burst, id;
        final long arrival;
        long dueCycle;
        MemoryFault fault;
        int beat;
        int flipBeat = -1, flipBit;

        Burst(boolean write, long address, int len, int size, int burst, int id, long arrival) {
            this.write = write;
            this.address = address;
            this.len = len;
            this.size = size;
            this.burst = burst;
            this.id = id;
            this.arrival = arrival;
        }

        long beatAddress(int i) {
            long step = 1L << size;
            return i == 0 ? address : (address & -step) + i * step;
        }

        long bytes() {
            return (long) (len + 1) << size;
        }
    }

    private record WBeat(BigInteger data, long strb, boolean last) {
    }

    private final HostMemory memory;
    private final AxiMemoryConfig config;
    private final Random random;
    private final int busBytes;
    private final Simulator.SignalInfo arvalid, arready, araddr, arlen, arsize, arburst, arid;
    private final Simulator.SignalInfo rvalid, rready, rdata, rresp, rlast, rid;
    private final Simulator.SignalInfo awvalid, awready, awaddr, awlen, awsize, awburst, awid;
    private final Simulator.SignalInfo wvalid, wready, wdata, wstrb, wlast;
    private final Simulator.SignalInfo bvalid, bready, bresp, bid;

    private final List<MemoryFault> faults = new ArrayList<>();
    private final List<InjectedFault> injected = new ArrayList<>();
    private final List<String> protocolErrors = new ArrayList<>();
    private final List<Burst> reads = new ArrayList<>();
    private final ArrayDeque<Burst> writeAddresses = new ArrayDeque<>();
    private final ArrayDeque<WBeat> writeBeats = new ArrayDeque<>();
    private final ArrayDeque<Burst> writeResponses = new ArrayDeque<>();
    private Burst currentRead;
    private BigInteger currentReadData;
    private boolean arReadyNow, awReadyNow, wReadyNow, rOffered, bOffered;
    private long readBursts, writeBursts, cycle;

    public AxiMemorySlave(Simulator sim, HostMemory memory, AxiMemoryConfig config) {
        this.memory = memory;
        this.config = config;
        this.random = new Random(config.seed());
        arvalid = sim.signal("m_axi_arvalid"); arready = sim.signal("m_axi_arready"); araddr = sim.signal("m_axi_araddr");
        arlen = sim.signal("m_axi_arlen"); arsize = sim.signal("m_axi_arsize"); arburst = sim.signal("m_axi_arburst");
        arid = sim.signal("m_axi_arid");
        rvalid = sim.signal("m_axi_rvalid"); rready = sim.signal("m_axi_rready"); rdata = sim.signal("m_axi_rdata");
        rresp = sim.signal("m_axi_rresp"); rlast = sim.signal("m_axi_rlast"); rid = sim.signal("m_axi_rid");
        awvalid = sim.signal("m_axi_awvalid"); awready = sim.signal("m_axi_awready"); awaddr = sim.signal("m_axi_awaddr");
        awlen = sim.signal("m_axi_awlen"); awsize = sim.signal("m_axi_awsize"); awburst = sim.signal("m_axi_awburst");
        awid = sim.signal("m_axi_awid");
        wvalid = sim.signal("m_axi_wvalid"); wready = sim.signal("m_axi_wready"); wdata = sim.signal("m_axi_wdata");
        wstrb = sim.signal("m_axi_wstrb"); wlast = sim.signal("m_axi_wlast");
        bvalid = sim.signal("m_axi_bvalid"); bready = sim.signal("m_axi_bready"); bresp = sim.signal("m_axi_bresp");
        bid = sim.signal("m_axi_bid");
        this.busBytes = rdata.width() / 8;
    }

    /** Adds a fault; it applies to bursts whose address handshake comes after this call. */
    public void inject(MemoryFault fault) {
        faults.add(fault);
    }

    /** Removes every fault not yet used (bursts already hit keep their fate). */
    public void clearFaults() {
        faults.clear();
    }

    /** Faults that hit bursts so far. */
    public List<InjectedFault> injected() {
        return List.copyOf(injected);
    }

    /** AXI rule breaks by the master seen so far. */
    public List<String> protocolErrors() {
        return List.copyOf(protocolErrors);
    }

    /** Read / write bursts accepted so far. */
    public long readBursts() { return readBursts; }

    public long writeBursts() { return writeBursts; }

    /** Bursts accepted and not yet fully answered (including those that never will be). */
    public int outstanding() {
        return reads.size() + (currentRead != null ? 1 : 0) + writeAddresses.size() + writeResponses.size();
    }

    private boolean roll(double p) {
        return p >= 1 || random.nextDouble() < p;
    }

    @Override
    public void drive(Simulator sim) {
        arReadyNow = roll(config.arReady());
        awReadyNow = roll(config.awReady());
        wReadyNow = roll(config.wReady());
        sim.poke(arready, arReadyNow ? 1 : 0);
        sim.poke(awready, awReadyNow ? 1 : 0);
        sim.poke(wready, wReadyNow ? 1 : 0);
        driveRead(sim);
        driveWriteResponse(sim);
    }

    private void driveRead(Simulator sim) {
        if (currentRead == null) {
            currentRead = chooseRead();
            if (currentRead != null) reads.remove(currentRead);
        }
        // Once offered, a beat stays offered until taken (AXI: valid is not withdrawn).
        if (currentRead != null && (rOffered || roll(config.rBeat()))) {
            Burst b = currentRead;
            if (currentReadData == null) currentReadData = readBeat(b);
            rOffered = true;
            sim.poke(rvalid, 1);
            sim.poke(rdata, currentReadData);
            sim.poke(rresp, response(b.fault));
            sim.poke(rlast, b.beat == b.len ? 1 : 0);
            sim.poke(rid, b.id);
        } else {
            sim.poke(rvalid, 0);
            sim.poke(rlast, 0);
        }
    }

    private Burst chooseRead() {
        List<Burst> candidates = new ArrayList<>();
        List<Integer> seenIds = new ArrayList<>();
        for (Burst b : reads) {
            if (seenIds.contains(b.id)) continue; // only the oldest burst of an ID may answer
            seenIds.add(b.id);
            if (b.fault instanceof MemoryFault.NoResponse || b.dueCycle > cycle) {
                if (!config.reorderReads()) return null; // in-order mode: the oldest blocks everyone
                continue;
            }
            candidates.add(b);
            if (!config.reorderReads()) break;
        }
        if (candidates.isEmpty()) return null;
        return candidates.get(config.reorderReads() ? random.nextInt(candidates.size()) : 0);
    }

    /** RRESP / BRESP of a burst with {@code fault} (null: none). */
    private static int response(MemoryFault fault) {
        return switch (fault) {
            case MemoryFault.ErrorResponse e -> e.resp();
            case MemoryFault.CompletionTimeout t -> FrontendPorts.RESP_SLVERR;
            case null, default -> FrontendPorts.RESP_OKAY;
        };
    }

    private static boolean failed(MemoryFault fault) {
        return fault instanceof MemoryFault.ErrorResponse || fault instanceof MemoryFault.CompletionTimeout;
    }

    /** The earliest cycle a burst accepted at {@code arrival} may be answered. */
    private long due(Burst b, long earliest) {
        return b.fault instanceof MemoryFault.CompletionTimeout t ? Math.max(earliest, b.arrival + t.cycles()) : earliest;
    }

    private BigInteger readBeat(Burst b) {
        if (failed(b.fault)) return BigInteger.ZERO;
        long lane = b.beatAddress(b.beat) & -(long) busBytes;
        byte[] data = memory.read(lane, busBytes);
        if (b.beat == b.flipBeat) data[b.flipBit / 8 % busBytes] ^= (byte) (1 << (b.flipBit % 8));
        return BusWord.of(data);
    }

    private void driveWriteResponse(Simulator sim) {
        Burst b = writeResponses.peek();
        if (b != null && b.dueCycle <= cycle && (bOffered || roll(config.bBeat()))) {
            bOffered = true;
            sim.poke(bvalid, 1);
            sim.poke(bresp, response(b.fault));
            sim.poke(bid, b.id);
        } else {
            sim.poke(bvalid, 0);
        }
    }

    @Override
    public void sample(Simulator sim) {
        if (arReadyNow && sim.peek(arvalid) == 1) {
            Burst b = new Burst(false, sim.peek(araddr), (int) sim.peek(arlen), (int) sim.peek(arsize),
                    (int) sim.peek(arburst), (int) sim.peek(arid), cycle);
            accept(b, ++readBursts);
            b.dueCycle = due(b, cycle + 1 + config.readLatency().sample(random));
            reads.add(b);
        }
        if (awReadyNow && sim.peek(awvalid) == 1) {
            Burst b = new Burst(true, sim.peek(awaddr), (int) sim.peek(awlen), (int) sim.peek(awsize),
                    (int) sim.peek(awburst), (int) sim.peek(awid), cycle);
            accept(b, ++writeBursts);
            writeAddresses.add(b);
        }
        if (wReadyNow && sim.peek(wvalid) == 1) {
            writeBeats.add(new WBeat(sim.peekBig(wdata), sim.peek(wstrb), sim.peek(wlast) == 1));
        }
        completeWrites();
        if (rOffered && sim.peek(rready) == 1) {
            rOffered = false;
            currentReadData = null;
            if (++currentRead.beat > currentRead.len) currentRead = null;
        }
        if (bOffered && sim.peek(bready) == 1) {
            bOffered = false;
            writeResponses.poll();
        }
        cycle++;
    }

    private void accept(Burst b, long nth) {
        String what = (b.write ? "AW" : "AR") + String.format(" %#x len %d size %d", b.address, b.len, b.size);
        if (b.burst != FrontendPorts.BURST_INCR) protocolErrors.add(what + ": burst type " + b.burst + " is not INCR");
        if ((1 << b.size) > busBytes) protocolErrors.add(what + ": beat size exceeds the " + busBytes + "-byte bus");
        for (MemoryFault f : faults) {
            if (f.target().hits(b.write, b.address, b.bytes(), nth)) {
                b.fault = f;
                injected.add(new InjectedFault(cycle, f, b.write, b.address, b.id));
                if (f instanceof MemoryFault.BitFlip flip && flip.bit() >= 0) {
                    b.flipBeat = flip.bit() / (busBytes * 8);
                    b.flipBit = flip.bit() % (busBytes * 8);
                } else if (f instanceof MemoryFault.BitFlip) {
                    b.flipBeat = random.nextInt(b.len + 1);
                    b.flipBit = random.nextInt(busBytes * 8);
                }
                break;
            }
        }
    }

    private void completeWrites() {
        Burst b = writeAddresses.peek();
        if (b == null || writeBeats.size() < b.len + 1) return;
        writeAddresses.poll();
        for (int i = 0; i <= b.len; i++) {
            WBeat beat = writeBeats.poll();
            if (beat.last() != (i == b.len)) {
                protocolErrors.add(String.format("W beat %d of burst at %#x: WLAST %s", i, b.address, beat.last() ? "early" : "missing"));
            }
            if (failed(b.fault) || b.fault instanceof MemoryFault.NoResponse) continue;
            byte[] data = BusWord.bytes(beat.data(), busBytes);
            if (i == b.flipBeat) {
                // Flip inside a written byte, so the fault always reaches memory.
                int at = b.flipBit / 8;
                for (int k = 0; k < busBytes && (beat.strb() >>> at & 1) == 0; k++) at = (at + 1) % busBytes;
                data[at] ^= (byte) (1 << (b.flipBit % 8));
            }
            long lane = b.beatAddress(i) & -(long) busBytes;
            for (int k = 0; k < busBytes; ) {
                if ((beat.strb() >>> k & 1) == 0) { k++; continue; }
                int run = k;
                while (run < busBytes && (beat.strb() >>> run & 1) != 0) run++;
                memory.write(lane + k, data, k, run - k);
                k = run;
            }
        }
        if (!(b.fault instanceof MemoryFault.NoResponse)) {
            b.dueCycle = due(b, cycle + 1 + config.writeLatency().sample(random));
            writeResponses.add(b);
        }
    }
}
