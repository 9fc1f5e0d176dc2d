package dev.nvmekit.testbench.nvme;

import java.util.ArrayList;
import java.util.List;

/**
 * The data pointer a host built for one command with PRPs: PRP1 and PRP2 for the command and
 * the PRP lists it wrote into host memory (empty when PRP2 is unused or points at data).
 */
public record PrpMapping(long prp1, long prp2, List<PrpList> lists, long length) {
    public PrpMapping {
        lists = List.copyOf(lists);
    }

    /** Whether PRP2 is a PRP list pointer (the transfer crosses more than one page boundary). */
    public boolean usesList() {
        return !lists.isEmpty();
    }

    /** Data entries across all lists, not counting PRP1 or chain pointers. */
    public int listEntryCount() {
        return lists.stream().mapToInt(l -> l.dataEntries().size()).sum();
    }

    /** Every PRP entry that points at data, PRP1 first. */
    public List<Long> dataEntries() {
        List<Long> all = new ArrayList<>();
        if (length == 0) {
            return all;
        }
        all.add(prp1);
        if (lists.isEmpty()) {
            if (prp2 != 0) {
                all.add(prp2);
            }
        } else {
            lists.forEach(l -> all.addAll(l.dataEntries()));
        }
        return all;
    }
}
