package dev.nvmekit.nvme;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongPredicate;

/**
 * Host memory behind the front end's AXI4 master port ({@code m_axi_}): a sparse byte store
 * that answers read bursts (with random stalls, a fixed latency, and data returned out of order
 * across IDs but in order within one) and write bursts (with strobes), and injects error
 * responses on chosen addresses. It also checks the master's side of the protocol: INCR bursts
 * of full width, none crossing 4 KiB, and valid held with a stable payload until ready.
 */
final class HostMemory {
    record WriteEvent(long cycle, long address, byte[] data, boolean okay) {
    }

    /** A read burst as the master asked for it. */
    record ReadBurst(long cycle, long id, long address, int beats) {
    }

    private record Burst(long id, long address, int beats, long readyAt) {
    }

    private final int bytes;
    private final Random random;
    private final Map<Long, byte[]> pages = new HashMap<>();
    private final List<Burst> reads = new ArrayList<>();
    private final Deque<Burst> writeAddresses = new ArrayDeque<>();
    private final Deque<long[]> responses = new ArrayDeque<>(); // {id, okay, readyAt}
    private final List<String> violations;
    final List<WriteEvent> writes = new ArrayList<>();
    final List<Long> writeResponseCycles = new ArrayList<>();
    final List<ReadBurst> readBursts = new ArrayList<>();
    /** Read bursts answered before an older one of another ID that was ready as well. */
    int reorderedReturns;
    double stall = 0.0;
    /** Holds the read address channel (arready low), e.g. to let work pile up in several SQs. */
    boolean holdReads;
    int readLatency = 0;
    LongPredicate readError = a -> false;
    LongPredicate writeError = a -> false;
    long firstReadAddressCycle = -1;

    private Burst current;
    private int currentBeat;
    private final Deque<List<byte[]>> writeBursts = new ArrayDeque<>();
    private final List<byte[]> writeData = new ArrayList<>();
    private boolean arready, awready, wready, rvalid, bvalid;
    private boolean currentError;

    HostMemory(int dataBits, long seed, List<String> violations) {
        this.bytes = dataBits / 8;
        this.random = new Random(seed);
        this.violations = violations;
    }

    byte read8(long a) {
        byte[] p = pages.get(a >>> 12);
        return p == null ? 0 : p[(int) (a & 4095)];
    }

    void write8(long a, byte v) {
        pages.computeIfAbsent(a >>> 12, k -> new byte[4096])[(int) (a & 4095)] = v;
    }

    void write(long a, byte[] data) {
        for (int i = 0; i < data.length; i++) write8(a + i, data[i]);
    }

    byte[] read(long a, int n) {
        byte[] d = new byte[n];
        for (int i = 0; i < n; i++) d[i] = read8(a + i);
        return d;
    }

    boolean busy() {
        return !reads.isEmpty() || current != null || !writeAddresses.isEmpty() || !responses.isEmpty() || !writeBursts.isEmpty();
    }

    /** Drives this cycle's inputs of the DUT from the model's state. */
    void drive(Dut dut, long cycle) {
        arready = !holdReads && random.nextDouble() >= stall;
        awready = random.nextDouble() >= stall;
        wready = random.nextDouble() >= stall;
        if (current == null) {
            List<Burst> candidates = new ArrayList<>();
            for (Burst b : reads) {
                if (b.readyAt() > cycle) continue;
                boolean oldestOfId = reads.stream().filter(o -> o.id() == b.id()).findFirst().orElseThrow() == b;
                if (oldestOfId) candidates.add(b);
            }
            if (!candidates.isEmpty()) {
                current = candidates.get(random.nextInt(candidates.size()));
                if (current != candidates.getFirst()) reorderedReturns++;
                reads.remove(current);
                currentBeat = 0;
                currentError = readError.test(current.address());
            }
        }
        rvalid = current != null && random.nextDouble() >= stall;
        dut.poke("m_axi_arready", arready ? 1 : 0);
        dut.poke("m_axi_awready", awready ? 1 : 0);
        dut.poke("m_axi_wready", wready ? 1 : 0);
        dut.poke("m_axi_rvalid", rvalid ? 1 : 0);
        if (current != null) {
            long a = current.address() + (long) currentBeat * bytes;
            byte[] d = read(a, bytes);
            dut.poke("m_axi_rdata", little(d));
            dut.poke("m_axi_rid", current.id());
            dut.poke("m_axi_rlast", currentBeat == current.beats() - 1 ? 1 : 0);
            dut.poke("m_axi_rresp", currentError ? 2 : 0);
        }
        long[] resp = responses.peekFirst();
        bvalid = resp != null && resp[2] <= cycle && random.nextDouble() >= stall;
        dut.poke("m_axi_bvalid", bvalid ? 1 : 0);
        if (resp != null) {
            dut.poke("m_axi_bid", resp[0]);
            dut.poke("m_axi_bresp", resp[1] == 1 ? 0 : 2);
        }
    }

    /** Takes the transfers of this cycle (outputs already settled on the inputs driven). */
    void sample(Dut dut, long cycle) {
        if (arready && dut.peek("m_axi_arvalid") == 1) {
            long addr = dut.peekBig("m_axi_araddr").longValue();
            int len = (int) dut.peek("m_axi_arlen") + 1;
            checkBurst("read", addr, len, dut.peek("m_axi_arsize"), dut.peek("m_axi_arburst"));
            if (firstReadAddressCycle < 0) firstReadAddressCycle = cycle;
            readBursts.add(new ReadBurst(cycle, dut.peek("m_axi_arid"), addr, len));
            reads.add(new Burst(dut.peek("m_axi_arid"), addr, len, cycle + 1 + readLatency));
        }
        if (rvalid && dut.peek("m_axi_rready") == 1) {
            currentBeat++;
            if (currentBeat == current.beats()) current = null;
        }
        if (awready && dut.peek("m_axi_awvalid") == 1) {
            long addr = dut.peekBig("m_axi_awaddr").longValue();
            int len = (int) dut.peek("m_axi_awlen") + 1;
            checkBurst("write", addr, len, dut.peek("m_axi_awsize"), dut.peek("m_axi_awburst"));
            writeAddresses.add(new Burst(dut.peek("m_axi_awid"), addr, len, cycle));
        }
        if (wready && dut.peek("m_axi_wvalid") == 1) {
            byte[] data = toBytes(dut.peekBig("m_axi_wdata"), bytes);
            long strobe = dut.peekBig("m_axi_wstrb").longValue();
            BigInteger strobes = dut.peekBig("m_axi_wstrb");
            byte[] masked = new byte[bytes * 2];
            for (int i = 0; i < bytes; i++) {
                masked[i] = data[i];
                masked[bytes + i] = (byte) (strobes.testBit(i) ? 1 : 0);
            }
            writeData.add(masked);
            boolean last = dut.peek("m_axi_wlast") == 1;
            if (strobe == 0 && bytes <= 8) violations.add("write beat with no strobe at cycle " + cycle);
            if (last) {
                writeBursts.add(new ArrayList<>(writeData));
                writeData.clear();
            }
        }
        // AXI lets write data come before its address: pair complete bursts with addresses in order.
        while (!writeAddresses.isEmpty() && !writeBursts.isEmpty()) {
            Burst aw = writeAddresses.pollFirst();
            List<byte[]> beats = writeBursts.pollFirst();
            if (beats.size() != aw.beats()) violations.add("write burst of " + beats.size() + " beats for AWLEN+1 = " + aw.beats());
            boolean error = writeError.test(aw.address());
            long base = aw.address() & ~(long) (bytes - 1);
            List<Byte> written = new ArrayList<>();
            for (int b = 0; b < beats.size(); b++) {
                byte[] m = beats.get(b);
                for (int i = 0; i < bytes; i++) {
                    if (m[bytes + i] == 1) {
                        if (!error) write8(base + (long) b * bytes + i, m[i]);
                        written.add(m[i]);
                    }
                }
            }
            byte[] w = new byte[written.size()];
            for (int i = 0; i < w.length; i++) w[i] = written.get(i);
            writes.add(new WriteEvent(cycle, aw.address(), w, !error));
            responses.add(new long[] {aw.id(), error ? 0 : 1, cycle + 1});
        }
        if (bvalid && dut.peek("m_axi_bready") == 1) {
            responses.pollFirst();
            writeResponseCycles.add(cycle);
        }
    }

    private void checkBurst(String what, long addr, int len, long size, long burst) {
        if (burst != 1) violations.add(what + " burst type " + burst + " is not INCR");
        if ((1L << size) != bytes) violations.add(what + " beat size " + (1L << size) + " is not the full " + bytes + " bytes");
        long first = addr & ~(long) (bytes - 1);
        long end = first + (long) len * bytes - 1;
        if ((first >>> 12) != (end >>> 12)) violations.add(what + " burst at " + Long.toHexString(addr) + " of " + len + " beats crosses 4 KiB");
    }

    static BigInteger little(byte[] d) {
        byte[] be = new byte[d.length + 1];
        for (int i = 0; i < d.length; i++) be[d.length - i] = d[i];
        return new BigInteger(be);
    }

    static byte[] toBytes(BigInteger v, int n) {
        byte[] d = new byte[n];
        for (int i = 0; i < n; i++) d[i] = v.shiftRight(8 * i).byteValue();
        return d;
    }
}
