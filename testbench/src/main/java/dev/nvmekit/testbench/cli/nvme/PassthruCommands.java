package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.testbench.cli.Main;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** {@code nvme admin-passthru} and {@code io-passthru}: any command, built dword by dword. */
final class PassthruCommands {
    private PassthruCommands() {
    }

    /** The options both passthru commands share, and their run: build, show, submit, print. */
    abstract static class Passthru extends OnDevice {
        @Option(names = {"-O", "--opcode"}, required = true, paramLabel = "OPCODE", converter = Numbers.U8.class, description = "opcode")
        int opcode;

        @Option(names = {"-f", "--flags"}, paramLabel = "FLAGS", converter = Numbers.U8.class, defaultValue = "0",
                description = "CDW0 bits 15:8 (FUSE, PSDT)")
        int flags;

        @Option(names = {"-n", "--namespace-id"}, paramLabel = "NSID", converter = Numbers.U32.class, description = "NSID")
        Integer nsid;

        @Option(names = {"-2", "--cdw2"}, converter = Numbers.U32.class, defaultValue = "0") int cdw2;
        @Option(names = {"-3", "--cdw3"}, converter = Numbers.U32.class, defaultValue = "0") int cdw3;
        @Option(names = {"-4", "--cdw10"}, converter = Numbers.U32.class, defaultValue = "0") int cdw10;
        @Option(names = {"-5", "--cdw11"}, converter = Numbers.U32.class, defaultValue = "0") int cdw11;
        @Option(names = {"-6", "--cdw12"}, converter = Numbers.U32.class, defaultValue = "0") int cdw12;
        @Option(names = {"-7", "--cdw13"}, converter = Numbers.U32.class, defaultValue = "0") int cdw13;
        @Option(names = {"-8", "--cdw14"}, converter = Numbers.U32.class, defaultValue = "0") int cdw14;
        @Option(names = {"-9", "--cdw15"}, converter = Numbers.U32.class, defaultValue = "0") int cdw15;

        @Option(names = {"-l", "--data-len"}, paramLabel = "BYTES", defaultValue = "0", description = "data buffer length")
        int dataLength;

        @Option(names = {"-r", "--read"}, description = "data moves from the controller")
        boolean read;

        @Option(names = {"-w", "--write"}, description = "data moves to the controller")
        boolean write;

        @Option(names = {"-i", "--input-file"}, paramLabel = "FILE", description = "data to write, or where the data read goes")
        Path input;

        @Option(names = {"-s", "--show-command"}, description = "print the command before sending it")
        boolean show;

        @Option(names = {"-d", "--dry-run"}, description = "show the command, do not send it")
        boolean dryRun;

        @Option(names = {"-b", "--raw-binary"}, description = "write the data read to stdout as raw bytes")
        boolean raw;

        @Option(names = {"-R", "--rsvd"}, paramLabel = "RSVD", converter = Numbers.U16.class, defaultValue = "0",
                description = "value shown for the reserved field")
        int rsvd;

        byte[] writeData;

        @Override
        void checkOptions() {
            if (dataLength < 0 || dataLength > 1 << 20) throw new Main.UsageError(spec.name() + ": --data-len must be 0..1048576");
            if (read && write) throw new Main.UsageError(spec.name() + ": --read and --write exclude each other");
            // nvme-cli takes the direction from the opcode's bits 1:0 (NVMe 2.1, opcode layout), overriding -r/-w.
            if ((opcode & 3) != 0) {
                write = (opcode & 1) != 0;
                read = (opcode & 2) != 0 && !write;
            }
            if (dataLength > 0 && !read && !write) throw new Main.UsageError(spec.name() + ": data direction not given");
            if (write && dataLength > 0) {
                if (input == null) throw new Main.UsageError(spec.name() + ": writing " + dataLength + " bytes needs --input-file");
                try {
                    byte[] file = Files.readAllBytes(input);
                    writeData = Arrays.copyOf(file, dataLength);
                } catch (IOException e) {
                    throw new Main.UsageError(spec.name() + ": cannot read " + input + ": " + e.getMessage());
                }
            }
        }

        /** Whether the command goes to the admin queue. */
        abstract boolean admin();

        abstract DeviceSession.Result submit(DeviceSession d, SubmissionQueueEntry sqe, int readLength, byte[] data);

        @Override
        void run(DeviceSession d, PrintWriter out) {
            int ns = device.namespaceIdOr(nsid, 0);
            SubmissionQueueEntry sqe = SubmissionQueueEntry.builder(opcode).fuse(flags & 3).nsid(ns).cdw2(cdw2).cdw3(cdw3)
                    .cdw10(cdw10).cdw11(cdw11).cdw12(cdw12).cdw13(cdw13).cdw14(cdw14).cdw15(cdw15).build();
            if (show || dryRun) {
                out.printf("opcode       : %02x%n", opcode);
                out.printf("flags        : %02x%n", flags);
                out.printf("rsvd1        : %04x%n", rsvd);
                out.printf("nsid         : %08x%n", ns);
                out.printf("cdw2         : %08x%n", cdw2);
                out.printf("cdw3         : %08x%n", cdw3);
                out.printf("data_len     : %08x%n", dataLength);
                out.printf("metadata_len : %08x%n", 0);
                out.printf("addr         : %x%n", 0);
                out.printf("metadata     : %x%n", 0);
                out.printf("cdw10        : %08x%n", cdw10);
                out.printf("cdw11        : %08x%n", cdw11);
                out.printf("cdw12        : %08x%n", cdw12);
                out.printf("cdw13        : %08x%n", cdw13);
                out.printf("cdw14        : %08x%n", cdw14);
                out.printf("cdw15        : %08x%n", cdw15);
                out.printf("timeout_ms   : %08x%n", 0);
            }
            if (dryRun) return;
            DeviceSession.Result r = submit(d, sqe, read ? dataLength : 0, write && dataLength > 0 ? writeData : null).orFail();
            String name = NvmeCliNames.command(admin(), opcode);
            // nvme-cli 2.x reports success on stderr; only the data read goes to stdout.
            out.flush();
            spec.commandLine().getErr().printf("%s Command %s is Success and result: 0x%08x%n", admin() ? "Admin" : "IO",
                    name.equals("Unknown") ? "Vendor Specific" : name, r.dw0());
            spec.commandLine().getErr().flush();
            if (!read || dataLength == 0) return;
            byte[] data = r.data();
            if (input != null) {
                try {
                    Files.write(input, data);
                } catch (IOException e) {
                    throw new Main.UsageError(spec.name() + ": cannot write " + input + ": " + e.getMessage());
                }
            } else if (raw) {
                writeRaw(out, data);
            } else {
                out.print(Bytes.hexDump(data));
            }
        }
    }

    /** {@code nvme admin-passthru}: an admin command on the admin queue. */
    @Command(name = "admin-passthru", mixinStandardHelpOptions = true, description = "Submit an arbitrary admin command.")
    static final class AdminPassthru extends Passthru {
        @Override
        boolean admin() {
            return true;
        }

        @Override
        DeviceSession.Result submit(DeviceSession d, SubmissionQueueEntry sqe, int readLength, byte[] data) {
            return d.admin(sqe, readLength, data);
        }
    }

    /** {@code nvme io-passthru}: an I/O command on the first I/O queue. */
    @Command(name = "io-passthru", mixinStandardHelpOptions = true, description = "Submit an arbitrary I/O command.")
    static final class IoPassthru extends Passthru {
        @Override
        boolean admin() {
            return false;
        }

        @Override
        DeviceSession.Result submit(DeviceSession d, SubmissionQueueEntry sqe, int readLength, byte[] data) {
            return d.io(sqe, readLength, data);
        }
    }
}
