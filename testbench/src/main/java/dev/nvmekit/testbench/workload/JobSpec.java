package dev.nvmekit.testbench.workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A workload in the spirit of fio: the I/O pattern, block size, queue depth per job, number of
 * jobs (one I/O queue pair each, as Linux gives one per CPU), how much to do (bytes or simulated
 * time), whether written data is read back and checked, and the data-pointer kind.
 *
 * @param rw          the pattern
 * @param rwMixRead   percentage of reads for {@link Pattern#RANDRW}
 * @param blockSize   bytes per command (a multiple of the LBA size)
 * @param ioDepth     commands in flight per job
 * @param numJobs     jobs, each on its own I/O queue pair
 * @param sizeBytes   bytes per job (0 when {@code runtimeUs} bounds the run)
 * @param runtimeUs   simulated microseconds (0 when {@code sizeBytes} bounds the run)
 * @param verify      read back written data and compare
 * @param pointers    PRP or SGL data pointers
 * @param seed        random seed of offsets and data
 */
public record JobSpec(Pattern rw, int rwMixRead, int blockSize, int ioDepth, int numJobs, long sizeBytes,
                      long runtimeUs, boolean verify, DataPointers pointers, long seed) {
    /** The access pattern. */
    public enum Pattern { READ, WRITE, RANDREAD, RANDWRITE, RANDRW }

    /** How commands describe their data buffers. */
    public enum DataPointers { PRP, SGL }

    public JobSpec {
        if (rwMixRead < 0 || rwMixRead > 100) throw new IllegalArgumentException("rwmixread must be 0..100, got " + rwMixRead);
        if (blockSize < 512 || blockSize % 512 != 0) throw new IllegalArgumentException("bs must be a multiple of 512, got " + blockSize);
        if (ioDepth < 1 || ioDepth > 4095) throw new IllegalArgumentException("iodepth must be 1..4095, got " + ioDepth);
        if (numJobs < 1 || numJobs > 1024) throw new IllegalArgumentException("numjobs must be 1..1024, got " + numJobs);
        if (sizeBytes < 0 || runtimeUs < 0 || (sizeBytes == 0 && runtimeUs == 0)) {
            throw new IllegalArgumentException("give size or runtime (both >= 0, not both 0)");
        }
    }

    /**
     * The default of {@code nvmekit simulate}: a verified 70/30 random read/write mix of 4 KiB
     * commands, depth 16 on each of 4 jobs, 1 MiB per job — small enough to simulate in seconds,
     * busy enough to fill several queues and exercise both directions.
     */
    public static JobSpec defaults() {
        return new JobSpec(Pattern.RANDRW, 70, 4096, 16, 4, 1024 * 1024, 0, true, DataPointers.PRP, 1);
    }

    /** Whether the pattern issues reads (possibly mixed). */
    public boolean reads() {
        return rw != Pattern.WRITE && rw != Pattern.RANDWRITE;
    }

    /** Whether offsets are random. */
    public boolean random() {
        return rw.name().startsWith("RAND");
    }

    /**
     * Parses fio-style {@code key=value} options (rw, rwmixread, bs, iodepth, numjobs, size, runtime,
     * verify, pointers, seed) over {@code base}. Sizes take k/m/g suffixes (powers of 1024);
     * runtime takes us/ms/s. A bad key or value is an {@link IllegalArgumentException} naming it.
     */
    public static JobSpec parse(Map<String, String> options, JobSpec base) {
        Pattern rw = base.rw;
        int mix = base.rwMixRead, bs = base.blockSize, depth = base.ioDepth, jobs = base.numJobs;
        long size = base.sizeBytes, runtime = base.runtimeUs, seed = base.seed;
        boolean verify = base.verify;
        DataPointers ptr = base.pointers;
        for (Map.Entry<String, String> e : options.entrySet()) {
            String v = e.getValue().trim();
            switch (e.getKey().trim().toLowerCase(Locale.ROOT)) {
                case "rw", "readwrite" -> rw = enumValue(Pattern.class, "rw", v);
                case "rwmixread" -> mix = (int) number("rwmixread", v);
                case "bs", "blocksize" -> bs = (int) bytes("bs", v);
                case "iodepth" -> depth = (int) number("iodepth", v);
                case "numjobs" -> jobs = (int) number("numjobs", v);
                case "size" -> {
                    size = bytes("size", v);
                    runtime = 0;
                }
                case "runtime" -> {
                    runtime = micros(v);
                    size = 0;
                }
                case "verify" -> verify = !v.equals("0") && !v.equalsIgnoreCase("false") && !v.equalsIgnoreCase("none");
                case "pointers", "dptr" -> ptr = enumValue(DataPointers.class, "pointers", v);
                case "seed", "randseed" -> seed = number("seed", v);
                default -> throw new IllegalArgumentException("unknown workload option '" + e.getKey()
                        + "'; known: rw, rwmixread, bs, iodepth, numjobs, size, runtime, verify, pointers, seed");
            }
        }
        return new JobSpec(rw, mix, bs, depth, jobs, size, runtime, verify, ptr, seed);
    }

    /** Parses a small job file: {@code key=value} lines, {@code #} or {@code ;} comments, an optional {@code [job]} header. */
    public static JobSpec parseJobFile(List<String> lines, JobSpec base) {
        Map<String, String> opts = new LinkedHashMap<>();
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";") || line.startsWith("[")) continue;
            int eq = line.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("job file line " + n + ": expected key=value, got '" + line + "'");
            opts.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return parse(opts, base);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String key, String v) {
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + "=" + v + " is not one of " + List.of(type.getEnumConstants()).toString().toLowerCase(Locale.ROOT));
        }
    }

    private static long number(String key, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + v + " is not a number");
        }
    }

    static long bytes(String key, String v) {
        String s = v.toLowerCase(Locale.ROOT);
        long mult = 1;
        if (s.endsWith("b")) s = s.substring(0, s.length() - 1);
        if (s.endsWith("k")) mult = 1024;
        else if (s.endsWith("m")) mult = 1024 * 1024;
        else if (s.endsWith("g")) mult = 1024L * 1024 * 1024;
        if (mult != 1) s = s.substring(0, s.length() - 1);
        return number(key, s) * mult;
    }

    static long micros(String v) {
        String s = v.toLowerCase(Locale.ROOT);
        if (s.endsWith("us")) return number("runtime", s.substring(0, s.length() - 2));
        if (s.endsWith("ms")) return number("runtime", s.substring(0, s.length() - 2)) * 1000;
        if (s.endsWith("s")) return number("runtime", s.substring(0, s.length() - 1)) * 1_000_000;
        return number("runtime", s);
    }
}
