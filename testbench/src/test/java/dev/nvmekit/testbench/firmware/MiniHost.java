package dev.nvmekit.testbench.firmware;

import dev.nvmekit.sim.Simulator;
import dev.nvmekit.testbench.bench.CycleAgent;
import dev.nvmekit.testbench.nvme.HostMemory;

import java.math.BigInteger;
import java.util.ArrayDeque;

/**
 * The smallest host that can talk to the real {@code nvme_frontend}: BAR0 writes and reads on
 * the AXI4-Lite slave, and a zero-latency AXI4 slave in front of {@link HostMemory} for the
 * front end's SQE fetches and CQE writes; interrupts are accepted and counted. Only here to
 * check the firmware against the front end end to end; the host side of the test bench has the
 * real models. Test scaffolding only.
 */
final class MiniHost implements CycleAgent {
    private record Burst(long address, int beats, int bytesPerBeat, long id) {
    }

    private final HostMemory memory;
    private final int dataBytes;
    private final ArrayDeque<Burst> reads = new ArrayDeque<>();
    private final ArrayDeque<Burst> writes = new ArrayDeque<>();
    private final ArrayDeque<Long> responses = new ArrayDeque<>();
    private int readBeat;
    private int writeBeat;
    private long regAddress = -1;
    private long regData;
    private boolean regWrite;
    private boolean awDone;
    private boolean wDone;
    private boolean arDone;
    long regReadData;
    int interrupts;

    MiniHost(HostMemory memory, int dataBits) {
        this.memory = memory;
        this.dataBytes = dataBits / 8;
    }

    /** Starts a BAR0 access; {@link #regIdle()} tells when it is over. */
    void startRegWrite(long address, long data) {
        regAddress = address;
        regData = data;
        regWrite = true;
        awDone = wDone = false;
    }

    void startRegRead(long address) {
        regAddress = address;
        regWrite = false;
        arDone = false;
    }

    boolean regIdle() {
        return regAddress < 0;
    }

    @Override
    public void drive(Simulator sim) {
        boolean writing = regAddress >= 0 && regWrite;
        boolean reading = regAddress >= 0 && !regWrite;
        sim.poke("s_axil_awvalid", writing && !awDone ? 1 : 0);
        sim.poke("s_axil_awaddr", Math.max(regAddress, 0));
        sim.poke("s_axil_wvalid", writing && !wDone ? 1 : 0);
        sim.poke("s_axil_wdata", regData);
        sim.poke("s_axil_wstrb", 0xF);
        sim.poke("s_axil_bready", 1);
        sim.poke("s_axil_arvalid", reading && !arDone ? 1 : 0);
        sim.poke("s_axil_araddr", Math.max(regAddress, 0));
        sim.poke("s_axil_rready", 1);

        sim.poke("m_axi_arready", 1);
        Burst r = reads.peek();
        sim.poke("m_axi_rvalid", r != null ? 1 : 0);
        if (r != null) {
            byte[] beat = memory.read(r.address() + (long) readBeat * r.bytesPerBeat(), r.bytesPerBeat());
            sim.poke("m_axi_rdata", le(beat, dataBytes));
            sim.poke("m_axi_rlast", readBeat == r.beats() - 1 ? 1 : 0);
            sim.poke("m_axi_rid", r.id());
            sim.poke("m_axi_rresp", 0);
        }
        sim.poke("m_axi_awready", 1);
        sim.poke("m_axi_wready", writes.isEmpty() ? 0 : 1);
        sim.poke("m_axi_bvalid", responses.isEmpty() ? 0 : 1);
        sim.poke("m_axi_bid", responses.isEmpty() ? 0 : responses.peek());
        sim.poke("m_axi_bresp", 0);
        sim.poke("irq_ready", 1);
    }

    @Override
    public void sample(Simulator sim) {
        if (regAddress >= 0 && regWrite) {
            awDone |= sim.peek("s_axil_awready") != 0;
            wDone |= sim.peek("s_axil_wready") != 0;
            if (sim.peek("s_axil_bvalid") != 0) {
                regAddress = -1;
            }
        } else if (regAddress >= 0) {
            arDone |= sim.peek("s_axil_arready") != 0;
            if (sim.peek("s_axil_rvalid") != 0) {
                regReadData = sim.peek("s_axil_rdata");
                regAddress = -1;
            }
        }
        if (!reads.isEmpty() && sim.peek("m_axi_rready") != 0) {
            if (++readBeat == reads.peek().beats()) {
                reads.poll();
                readBeat = 0;
            }
        }
        if (sim.peek("m_axi_arvalid") != 0) {
            reads.add(new Burst(sim.peekBig("m_axi_araddr").longValue(), (int) sim.peek("m_axi_arlen") + 1,
                    1 << sim.peek("m_axi_arsize"), sim.peek("m_axi_arid")));
        }
        // Each channel sees what was driven this cycle before new work is queued behind it.
        boolean bOffered = !responses.isEmpty();
        if (bOffered && sim.peek("m_axi_bready") != 0) {
            responses.poll();
        }
        if (!writes.isEmpty() && sim.peek("m_axi_wvalid") != 0) {
            Burst w = writes.peek();
            byte[] data = fromLe(sim.peekBig("m_axi_wdata"), dataBytes);
            BigInteger strb = sim.peekBig("m_axi_wstrb");
            long base = w.address() + (long) writeBeat * w.bytesPerBeat();
            for (int i = 0; i < w.bytesPerBeat(); i++) {
                int lane = (int) ((base + i) % dataBytes);
                if (strb.testBit(lane)) {
                    memory.write(base + i, data, lane, 1);
                }
            }
            if (++writeBeat == w.beats()) {
                writes.poll();
                writeBeat = 0;
                responses.add(w.id());
            }
        }
        if (sim.peek("m_axi_awvalid") != 0) {
            writes.add(new Burst(sim.peekBig("m_axi_awaddr").longValue(), (int) sim.peek("m_axi_awlen") + 1,
                    1 << sim.peek("m_axi_awsize"), sim.peek("m_axi_awid")));
        }
        if (sim.peek("irq_valid") != 0) {
            interrupts++;
        }
    }

    /** Bytes of one beat placed by their address lane, byte 0 of the bus at bits 7:0. */
    private static BigInteger le(byte[] beat, int busBytes) {
        byte[] be = new byte[busBytes];
        for (int i = 0; i < beat.length; i++) {
            be[busBytes - 1 - i] = beat[i];
        }
        return new BigInteger(1, be);
    }

    private static byte[] fromLe(BigInteger word, int busBytes) {
        byte[] out = new byte[busBytes];
        for (int i = 0; i < busBytes; i++) {
            out[i] = (byte) word.shiftRight(8 * i).intValue();
        }
        return out;
    }
}
