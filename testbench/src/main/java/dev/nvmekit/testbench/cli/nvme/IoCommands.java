package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.testbench.cli.Main;
import dev.nvmekit.testbench.nvme.IdentifyCns;
import dev.nvmekit.testbench.nvme.IdentifyNamespace;
import dev.nvmekit.testbench.nvme.NvmOpcode;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The NVM I/O commands: {@code read}, {@code write}, {@code compare}, {@code flush},
 * {@code write-zeroes} and {@code dsm}, sent as passthrough commands on the first I/O queue, as
 * nvme-cli sends them through the kernel's passthrough ioctl.
 */
final class IoCommands {
    private IoCommands() {
    }

    /** An I/O command on a namespace: the namespace option and its resolution. */
    abstract static class NamespaceIo extends OnDevice {
        @Option(names = {"-n", "--namespace-id"}, paramLabel = "NSID", converter = Numbers.U32.class,
                description = "namespace (default: the device's)")
        Integer nsid;

        int ns;

        @Override
        void checkOptions() {
            ns = device.namespaceId(nsid, spec.name());
            checkIoOptions();
        }

        void checkIoOptions() {
        }

        static long blockSize(DeviceSession d, int nsid) {
            return IdentifyNamespace.parse(ListCommands.identify(d, IdentifyCns.NAMESPACE, nsid)).blockSize();
        }
    }

    /** Read, Write and Compare: a block range and a data buffer. */
    abstract static class Transfer extends NamespaceIo {
        @Option(names = {"-s", "--start-block"}, paramLabel = "SLBA", converter = Numbers.U64.class, defaultValue = "0",
                description = "first logical block")
        long slba;

        @Option(names = {"-c", "--block-count"}, paramLabel = "NLB", converter = Numbers.U16.class, defaultValue = "0",
                description = "number of blocks, 0's based (0 means one block)")
        int nlb;

        @Option(names = {"-z", "--data-size"}, paramLabel = "BYTES", defaultValue = "0",
                description = "size of the data buffer (rounded up to the block count)")
        long dataSize;

        @Option(names = {"-d", "--data"}, paramLabel = "FILE", description = "data file")
        Path data;

        @Option(names = {"-f", "--force-unit-access"}, description = "FUA")
        boolean fua;

        @Option(names = {"-l", "--limited-retry"}, description = "LR")
        boolean limitedRetry;

        @Override
        void checkIoOptions() {
            if (dataSize < 0 || dataSize > 1 << 24) throw new Main.UsageError(spec.name() + ": --data-size must be 0..16777216");
            if (sendsData()) {
                if (data == null) throw new Main.UsageError(spec.name() + ": give the data to send with --data FILE");
                if (!Files.isReadable(data)) throw new Main.UsageError(spec.name() + ": cannot read " + data);
            }
        }

        /** Whether the command sends the --data file to the device (write, compare) rather than filling it (read). */
        boolean sendsData() {
            return true;
        }

        /** The buffer size: {@code -z}, rounded up to the blocks the command moves as nvme-cli does. */
        int bufferSize(long blockSize) {
            long needed = (nlb + 1L) * blockSize;
            if (dataSize != 0 && dataSize < needed) {
                spec.commandLine().getErr().printf("Rounding data size to fit block count (%d bytes)%n", needed);
            }
            return (int) Math.max(needed, dataSize);
        }

        SubmissionQueueEntry command(NvmOpcode op) {
            int cdw12 = nlb | (fua ? 1 << 30 : 0) | (limitedRetry ? 1 << 31 : 0);
            return SubmissionQueueEntry.builder(op).nsid(ns).cdw10((int) slba).cdw11((int) (slba >>> 32)).cdw12(cdw12).build();
        }

        /** The data to send: the file's bytes, zero padded to the buffer size. */
        byte[] dataToSend(int size) {
            try {
                byte[] file = Files.readAllBytes(data);
                return Arrays.copyOf(file, size);
            } catch (IOException e) {
                throw new Main.UsageError(spec.name() + ": cannot read " + data + ": " + e.getMessage());
            }
        }

        void success() {
            spec.commandLine().getErr().println(spec.name() + ": Success");
        }
    }

    @Command(name = "read", mixinStandardHelpOptions = true, description = "Read blocks to --data FILE, or hex-dump them.")
    static final class Read extends Transfer {
        @Override
        boolean sendsData() {
            return false;
        }

        @Override
        void run(DeviceSession d, PrintWriter out) {
            long bs = blockSize(d, ns);
            int size = bufferSize(bs);
            byte[] buffer = Arrays.copyOf(d.io(command(NvmOpcode.READ), (int) ((nlb + 1L) * bs), null).orFail().data(), size);
            if (data != null) {
                try {
                    Files.write(data, buffer);
                } catch (IOException e) {
                    throw new Main.UsageError("read: cannot write " + data + ": " + e.getMessage());
                }
            } else {
                out.print(Bytes.hexDump(buffer));
            }
            success();
        }
    }

    @Command(name = "write", mixinStandardHelpOptions = true, description = "Write blocks from --data FILE.")
    static final class Write extends Transfer {
        @Override
        void run(DeviceSession d, PrintWriter out) {
            long bs = blockSize(d, ns);
            byte[] buffer = dataToSend(bufferSize(bs));
            d.io(command(NvmOpcode.WRITE), 0, Arrays.copyOf(buffer, (int) ((nlb + 1L) * bs))).orFail();
            success();
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true, description = "Compare blocks with --data FILE.")
    static final class Compare extends Transfer {
        @Override
        void run(DeviceSession d, PrintWriter out) {
            long bs = blockSize(d, ns);
            byte[] buffer = dataToSend(bufferSize(bs));
            d.io(command(NvmOpcode.COMPARE), 0, Arrays.copyOf(buffer, (int) ((nlb + 1L) * bs))).orFail();
            success();
        }
    }

    @Command(name = "flush", mixinStandardHelpOptions = true, description = "Commit volatile data to the media.")
    static final class Flush extends NamespaceIo {
        @Override
        void run(DeviceSession d, PrintWriter out) {
            d.io(SubmissionQueueEntry.builder(NvmOpcode.FLUSH).nsid(ns).build(), 0, null).orFail();
            out.println("NVMe Flush: success");
        }
    }

    @Command(name = "write-zeroes", mixinStandardHelpOptions = true, description = "Set a block range to zeroes.")
    static final class WriteZeroes extends NamespaceIo {
        @Option(names = {"-s", "--start-block"}, paramLabel = "SLBA", converter = Numbers.U64.class, defaultValue = "0")
        long slba;

        @Option(names = {"-c", "--block-count"}, paramLabel = "NLB", converter = Numbers.U16.class, defaultValue = "0",
                description = "number of blocks, 0's based")
        int nlb;

        @Option(names = {"-d", "--deac"}, description = "deallocate the blocks (DEAC)")
        boolean deac;

        @Option(names = {"-f", "--force-unit-access"}, description = "FUA")
        boolean fua;

        @Override
        void run(DeviceSession d, PrintWriter out) {
            int cdw12 = nlb | (deac ? 1 << 25 : 0) | (fua ? 1 << 30 : 0);
            d.io(SubmissionQueueEntry.builder(NvmOpcode.WRITE_ZEROES).nsid(ns).cdw10((int) slba).cdw11((int) (slba >>> 32))
                    .cdw12(cdw12).build(), 0, null).orFail();
            out.println("NVME Write Zeroes Success");
        }
    }

    @Command(name = "dsm", mixinStandardHelpOptions = true, description = "Dataset Management: deallocate or hint block ranges.")
    static final class Dsm extends NamespaceIo {
        @Option(names = {"-a", "--ctx-attrs"}, split = ",", paramLabel = "ATTRS", description = "context attributes, one per range")
        List<Long> attrs = List.of();

        @Option(names = {"-b", "--blocks"}, split = ",", paramLabel = "NLBS", description = "range lengths in blocks")
        List<Long> blocks = List.of();

        @Option(names = {"-s", "--slbs"}, split = ",", paramLabel = "SLBAS", description = "range starting blocks")
        List<Long> slbas = List.of();

        @Option(names = {"-d", "--ad"}, description = "attribute deallocate")
        boolean deallocate;

        @Option(names = {"-w", "--idw"}, description = "attribute integral dataset for write")
        boolean idw;

        @Option(names = {"-r", "--idr"}, description = "attribute integral dataset for read")
        boolean idr;

        @Override
        void checkIoOptions() {
            int n = Math.max(attrs.size(), Math.max(blocks.size(), slbas.size()));
            if (n == 0 || n > 256) throw new Main.UsageError("dsm: give 1..256 ranges with --slbs and --blocks");
            if (blocks.size() != n || slbas.size() != n || (!attrs.isEmpty() && attrs.size() != n)) {
                throw new Main.UsageError("dsm: --slbs, --blocks (and --ctx-attrs) must list the same number of ranges");
            }
        }

        @Override
        void run(DeviceSession d, PrintWriter out) {
            int n = slbas.size();
            ByteBuffer ranges = ByteBuffer.allocate(16 * n).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                ranges.putInt(attrs.isEmpty() ? 0 : attrs.get(i).intValue()).putInt(blocks.get(i).intValue()).putLong(slbas.get(i));
            }
            int cdw11 = (idr ? 1 : 0) | (idw ? 2 : 0) | (deallocate ? 4 : 0);
            d.io(SubmissionQueueEntry.builder(NvmOpcode.DATASET_MANAGEMENT).nsid(ns).cdw10(n - 1).cdw11(cdw11).build(), 0,
                    ranges.array()).orFail();
            out.println("NVMe DSM: success");
        }
    }
}
