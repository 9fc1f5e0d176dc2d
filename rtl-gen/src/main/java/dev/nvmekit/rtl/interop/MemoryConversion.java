package dev.nvmekit.rtl.interop;

import dev.nvmekit.rtl.ir.ClockDomain;
import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.Expr.BinaryOp;
import dev.nvmekit.rtl.ir.Expr.UnaryOp;
import dev.nvmekit.rtl.ir.Memory;
import dev.nvmekit.rtl.ir.Register;
import dev.nvmekit.rtl.ir.SignalType;
import dev.nvmekit.rtl.ir.SourceLocation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Converts a Yosys {@code $mem_v2} cell (Yosys manual, "Memories") into an IR {@link Memory}.
 * Asynchronous read ports become {@link Expr.MemRead}s, clocked ones {@link Memory.SyncRead}s
 * (read-first). A port Yosys marks transparent (write-first, from {@code q <= mem[a]} after the
 * write, or a registered address) reads the RAM read-first and replaces the bits written at the
 * same address and edge, through two small registers. Write enables become one enable when all
 * bits agree, byte enables when they agree per byte, and otherwise a read-modify-write of the
 * word so that per-bit masks keep their meaning.
 */
final class MemoryConversion {
    private final NetlistConversion conversion;
    private final ClockPlan clocks;
    private final BitVectors v;

    MemoryConversion(NetlistConversion conversion, ClockPlan clocks) {
        this.conversion = conversion;
        this.clocks = clocks;
        this.v = conversion.bits;
    }

    void convert(YosysNetlist.Cell c, List<String> readNames) {
        SourceLocation at = c.source();
        String name = conversion.names.unique(c.parameters().getOrDefault("MEMID", "mem"));
        int width = c.integer("WIDTH");
        int depth = c.integer("SIZE");
        SignalType word = SignalType.unsigned(width);
        Memory shape = new Memory(name, word, depth, List.of(), List.of(), List.of(), at);
        int wrPorts = c.integer("WR_PORTS");
        // A wide port (RD_/WR_WIDE_CONTINUATION) is listed as consecutive one-word sub-ports, each with its own
        // address (the low address bits fixed per sub-port), so every sub-port converts as a port of its own.
        List<Memory.Write> writes = new ArrayList<>();
        List<Expr> writeAddresses = new ArrayList<>();
        List<Expr> writeMasks = new ArrayList<>();
        List<Expr> writeData = new ArrayList<>();
        for (int j = 0; j < wrPorts; j++) {
            if (!c.bit("WR_CLK_ENABLE", j)) {
                conversion.error(at, name, "memory '" + name + "' has an asynchronous (unclocked) write port; IR memories write on a clock edge");
                return;
            }
            if (!c.bit("WR_CLK_POLARITY", j)) conversion.error(at, name, "memory '" + name + "' writes on a falling clock edge");
            ClockDomain d = clocks.domainOf(c.port("WR_CLK")[j]);
            Expr addr = address(c, "WR_ADDR", j, shape);
            int[] en = slice(c.port("WR_EN"), j, width);
            Expr data = v.vector(slice(c.port("WR_DATA"), j, width));
            writeAddresses.add(addr);
            writeMasks.add(v.vector(en));
            writeData.add(data);
            if (Arrays.stream(en).allMatch(b -> b == YosysNetlist.ZERO || b == YosysNetlist.X)) continue;
            if (Arrays.stream(en).allMatch(b -> b == en[0])) {
                writes.add(new Memory.Write(d.name(), addr, data, v.vector(new int[] {en[0]}), Optional.empty(), at));
            } else if (width % 8 == 0 && wholeBytes(en)) {
                int[] perByte = new int[width / 8];
                for (int k = 0; k < perByte.length; k++) perByte[k] = en[8 * k];
                Expr be = v.vector(perByte);
                writes.add(new Memory.Write(d.name(), addr, data, Expr.Unary.of(UnaryOp.OR_REDUCE, be), Optional.of(be), at));
            } else {
                Expr mask = v.vector(en);
                Expr old = new Expr.MemRead(name, addr, word);
                Expr merged = Expr.Binary.of(BinaryOp.OR, Expr.Binary.of(BinaryOp.AND, data, mask),
                        Expr.Binary.of(BinaryOp.AND, old, Expr.Unary.of(UnaryOp.NOT, mask)));
                writes.add(new Memory.Write(d.name(), addr, merged, Expr.Unary.of(UnaryOp.OR_REDUCE, mask), Optional.empty(), at));
            }
        }
        List<Memory.SyncRead> reads = new ArrayList<>();
        for (int i = 0; i < readNames.size(); i++) {
            String data = readNames.get(i);
            Expr addr = address(c, "RD_ADDR", i, shape);
            if (!c.bit("RD_CLK_ENABLE", i)) {
                conversion.drive(data, new Expr.MemRead(name, addr, word), at);
                continue;
            }
            if (!c.bit("RD_CLK_POLARITY", i)) conversion.error(at, data, "memory '" + name + "' is read on a falling clock edge");
            if (!isZero(c.port("RD_ARST")[i])) {
                conversion.error(at, data, "read port of memory '" + name + "' has an asynchronous reset on its data register; "
                        + "IR memory reads have none (reset the value after the read instead)");
                continue;
            }
            ClockDomain d = clocks.domainOf(c.port("RD_CLK")[i]);
            Expr en = v.vector(new int[] {c.port("RD_EN")[i]});
            String reset = null;
            Expr srst = null;
            if (!isZero(c.port("RD_SRST")[i])) {
                // A clear of the read register (Yosys merged "if (rst) q <= 0; else q <= mem[a]"): the RAM read
                // pauses while a flag register, set by the clear, selects the clear value.
                srst = v.vector(new int[] {c.port("RD_SRST")[i]});
                boolean ceOverSrst = c.bit("RD_CE_OVER_SRST", i);
                reset = conversion.names.unique(data + "_cleared");
                Expr flag = new Expr.Ref(reset, SignalType.BIT);
                Expr next = ceOverSrst ? Expr.Mux.of(en, srst, flag) : Expr.Mux.of(srst, BitVectors.literal(BigInteger.ONE, 1),
                        Expr.Mux.of(en, BitVectors.literal(BigInteger.ZERO, 1), flag));
                conversion.registers.add(new Register(reset, SignalType.BIT, d.name(), next, Optional.empty(), Optional.empty(), at));
                en = Expr.Binary.of(BinaryOp.AND, en, Expr.Unary.of(UnaryOp.NOT, srst));
            }
            List<Integer> transparent = new ArrayList<>();
            for (int j = 0; j < wrPorts; j++) if (c.bit("RD_TRANSPARENCY_MASK", i * wrPorts + j)) transparent.add(j);
            String powerUp = null;
            BigInteger[] initial = readInitialValue(c, i, width);
            if (initial != null) {
                // The read register had an initial value (Yosys merged "reg q = v; always @(posedge clk) q <= mem[a]"):
                // a flag, set at power-up, selects it until the first edge that updates the port.
                powerUp = conversion.names.unique(data + "_powerup");
                Expr updated = v.vector(new int[] {c.port("RD_EN")[i]});
                if (srst != null && !c.bit("RD_CE_OVER_SRST", i)) updated = Expr.Binary.of(BinaryOp.OR, updated, srst);
                Expr flag = new Expr.Ref(powerUp, SignalType.BIT);
                conversion.registers.add(new Register(powerUp, SignalType.BIT, d.name(),
                        Expr.Mux.of(updated, BitVectors.literal(BigInteger.ZERO, 1), flag), Optional.empty(), Optional.of(BigInteger.ONE), at));
            }
            if (transparent.isEmpty() && reset == null && powerUp == null) {
                reads.add(new Memory.SyncRead(data, d.name(), addr, en, at));
                continue;
            }
            String ram = conversion.names.unique(data + "_ram");
            reads.add(new Memory.SyncRead(ram, d.name(), addr, en, at));
            Expr out = new Expr.Ref(ram, word);
            for (int j : transparent) {
                // Bits written at the read address on the same edge are the ones a write-first read returns.
                Expr hitNow = Expr.Mux.of(Expr.Binary.of(BinaryOp.EQ, addr, writeAddresses.get(j)), writeMasks.get(j), BitVectors.literal(BigInteger.ZERO, width));
                String hit = conversion.names.unique(data + "_bypass" + j);
                String val = conversion.names.unique(data + "_bypass" + j + "_data");
                conversion.registers.add(new Register(hit, word, d.name(), Expr.Mux.of(en, hitNow, new Expr.Ref(hit, word)),
                        Optional.empty(), Optional.empty(), at));
                conversion.registers.add(new Register(val, word, d.name(), Expr.Mux.of(en, writeData.get(j), new Expr.Ref(val, word)),
                        Optional.empty(), Optional.empty(), at));
                Expr hitRef = new Expr.Ref(hit, word);
                out = Expr.Binary.of(BinaryOp.OR, Expr.Binary.of(BinaryOp.AND, new Expr.Ref(val, word), hitRef),
                        Expr.Binary.of(BinaryOp.AND, out, Expr.Unary.of(UnaryOp.NOT, hitRef)));
            }
            if (reset != null) {
                BigInteger cleared = YosysNetlist.bitsOf(c.parameters().get("RD_SRST_VALUE")).shiftRight(i * width);
                out = Expr.Mux.of(new Expr.Ref(reset, SignalType.BIT), BitVectors.literal(cleared, width), out);
            }
            if (powerUp != null) {
                // Bits the initial value leaves undefined (x) keep whatever the RAM read holds.
                Expr init = BitVectors.literal(initial[0], width);
                Expr atPowerUp = initial[1].equals(mask(width)) ? init
                        : Expr.Binary.of(BinaryOp.OR, init, Expr.Binary.of(BinaryOp.AND, out, BitVectors.literal(initial[1].not().and(mask(width)), width)));
                out = Expr.Mux.of(new Expr.Ref(powerUp, SignalType.BIT), atPowerUp, out);
            }
            conversion.drive(data, out, at);
        }
        conversion.memories.add(new Memory(name, word, depth, init(c, width, depth), writes, reads, at));
    }

    /** Port {@code i}'s address, less the memory's offset, brought to the IR memory's address width. */
    private Expr address(YosysNetlist.Cell c, String port, int i, Memory shape) {
        int abits = c.integer("ABITS");
        Expr a = v.vector(slice(c.port(port), i, abits));
        BigInteger offset = c.number("OFFSET");
        if (offset.signum() != 0) a = Expr.Binary.of(BinaryOp.SUB, a, BitVectors.literal(offset, a.width()));
        return BitVectors.resize(a, shape.addressWidth());
    }

    private static boolean wholeBytes(int[] en) {
        for (int k = 0; k < en.length; k++) if (en[k] != en[k - k % 8]) return false;
        return true;
    }

    private static boolean isZero(int bit) {
        return bit == YosysNetlist.ZERO || bit == YosysNetlist.X;
    }

    private static int[] slice(int[] all, int index, int width) {
        return Arrays.copyOfRange(all, index * width, (index + 1) * width);
    }

    /**
     * Read port {@code i}'s power-up value from RD_INIT_VALUE as {value, mask of defined bits},
     * or null when every bit is undefined.
     */
    private static BigInteger[] readInitialValue(YosysNetlist.Cell c, int i, int width) {
        String all = c.parameters().getOrDefault("RD_INIT_VALUE", "");
        int end = all.length() - i * width;
        if (end - width < 0) return null;
        String bits = all.substring(end - width, end);
        BigInteger value = BigInteger.ZERO;
        BigInteger defined = BigInteger.ZERO;
        for (int b = 0; b < width; b++) {
            char ch = bits.charAt(width - 1 - b);
            if (ch == '1') value = value.setBit(b);
            if (ch == '0' || ch == '1') defined = defined.setBit(b);
        }
        return defined.signum() == 0 ? null : new BigInteger[] {value, defined};
    }

    private static BigInteger mask(int width) {
        return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    }

    /**
     * Initial contents from the INIT parameter (word 0 in the least significant bits, x as 0);
     * empty when all undefined, unless the import fixes undefined power-up values at zero.
     */
    private List<BigInteger> init(YosysNetlist.Cell c, int width, int depth) {
        String init = c.parameters().getOrDefault("INIT", "");
        if (init.chars().noneMatch(ch -> ch == '0' || ch == '1')) {
            // One zero word stands for all: an IR memory's words past its init list are zero.
            return conversion.powerUp == PowerUp.ZERO ? List.of(BigInteger.ZERO) : List.of();
        }
        BigInteger all = YosysNetlist.bitsOf(init);
        List<BigInteger> words = new ArrayList<>();
        BigInteger mask = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        for (int k = 0; k < depth; k++) words.add(all.shiftRight(k * width).and(mask));
        return words;
    }
}
