package dev.nvmekit.testbench.nvme;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Commands Supported and Effects log page, log identifier 05h, 4096 bytes (NVMe Base
 * Specification 2.0, section 5.16.1.6, Figure 210): ACS0..ACS255 (admin, by opcode) at
 * byte 4 * opcode, IOCS0..IOCS255 (I/O) at 1024 + 4 * opcode. Linux reads it at bring-up when
 * Identify Controller LPA bit 1 is set.
 */
public record CommandsSupportedAndEffectsLog(List<CommandEffects> admin, List<CommandEffects> io) {
    public static final int SIZE = 4096;
    public static final int IO_OFFSET = 1024;

    public CommandsSupportedAndEffectsLog {
        admin = List.copyOf(admin);
        io = List.copyOf(io);
        if (admin.size() != 256 || io.size() != 256) {
            throw new IllegalArgumentException("256 admin and 256 I/O entries required");
        }
    }

    /** A log that marks the given opcodes supported with no effects. */
    public static CommandsSupportedAndEffectsLog supporting(List<AdminOpcode> adminOps, List<NvmOpcode> ioOps) {
        List<CommandEffects> a = new ArrayList<>(Collections.nCopies(256, CommandEffects.UNSUPPORTED));
        List<CommandEffects> i = new ArrayList<>(Collections.nCopies(256, CommandEffects.UNSUPPORTED));
        adminOps.forEach(o -> a.set(o.value(), CommandEffects.SUPPORTED));
        ioOps.forEach(o -> i.set(o.value(), CommandEffects.SUPPORTED));
        return new CommandsSupportedAndEffectsLog(a, i);
    }

    public CommandEffects admin(AdminOpcode op) {
        return admin.get(op.value());
    }

    public CommandEffects io(NvmOpcode op) {
        return io.get(op.value());
    }

    public static CommandsSupportedAndEffectsLog parse(byte[] b) {
        LittleEndian.requireLength(b, SIZE, "Commands Supported and Effects log");
        List<CommandEffects> a = new ArrayList<>();
        List<CommandEffects> i = new ArrayList<>();
        for (int op = 0; op < 256; op++) {
            a.add(new CommandEffects(LittleEndian.u32(b, 4 * op)));
            i.add(new CommandEffects(LittleEndian.u32(b, IO_OFFSET + 4 * op)));
        }
        return new CommandsSupportedAndEffectsLog(a, i);
    }

    public byte[] build() {
        byte[] b = new byte[SIZE];
        for (int op = 0; op < 256; op++) {
            LittleEndian.put32(b, 4 * op, admin.get(op).value());
            LittleEndian.put32(b, IO_OFFSET + 4 * op, io.get(op).value());
        }
        return b;
    }
}
