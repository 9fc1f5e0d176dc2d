package dev.nvmekit.testbench.host;

import java.util.ArrayList;
import java.util.List;

/**
 * The driver model's kernel log, in the shape of {@code dmesg}: each line stamped with simulated
 * seconds and prefixed {@code nvme nvme0:}, with the Linux driver's wording where it has one so a
 * trace reads like a real boot.
 */
public final class DriverLog {

    /** One line: the cycle, simulated time in ns, and the text. */
    public record Entry(long cycle, long timeNs, String message) {
        @Override
        public String toString() {
            return String.format("[%5d.%06d] nvme nvme0: %s", timeNs / 1_000_000_000L, timeNs / 1000 % 1_000_000, message);
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    void add(long cycle, long timeNs, String message) {
        entries.add(new Entry(cycle, timeNs, message));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Whether any line contains {@code text}. */
    public boolean contains(String text) {
        return entries.stream().anyMatch(e -> e.message().contains(text));
    }

    /** The whole log, one line per entry. */
    public String dmesg() {
        StringBuilder s = new StringBuilder();
        for (Entry e : entries) s.append(e).append('\n');
        return s.toString();
    }
}
