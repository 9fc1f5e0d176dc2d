package dev.nvmekit.testbench.firmware;

import dev.nvmekit.testbench.nvme.ActiveNamespaceList;
import dev.nvmekit.testbench.nvme.StatusCode;

import java.util.ArrayList;
import java.util.List;

/**
 * The Identify data a controller with Namespace Management owes about allocated namespaces,
 * attached or not (NVMe Base Specification 2.1, Identify CNS 10h and 11h): the Allocated Namespace
 * ID list, and Identify Namespace for an allocated NSID even while it is inactive on this
 * controller (CNS 00h then reads as zeros). {@code nvme list-ns --all} uses the first.
 */
final class AllocatedNamespaceIdentify {
    private AllocatedNamespaceIdentify() {
    }

    /** CNS 10h: the allocated NSIDs greater than {@code after}, ascending, in one 4 KiB page. */
    static byte[] list(NamespaceInventory namespaces, int after, long maxNamespaces) {
        // As for the active list (CNS 02h), FFFFFFFEh and FFFFFFFFh name no NSID to start after.
        if (after == NamespaceInventory.BROADCAST || after == 0xFFFF_FFFE) {
            throw CommandFailure.of(StatusCode.INVALID_NAMESPACE_OR_FORMAT, "allocated list after NSID " + Integer.toUnsignedString(after));
        }
        List<Integer> ids = new ArrayList<>();
        for (int nsid = 1; nsid <= maxNamespaces; nsid++) {
            if (namespaces.allocated(nsid).isPresent()) ids.add(nsid);
        }
        return ActiveNamespaceList.page(ids, after).build();
    }

    /** CNS 11h: Identify Namespace of an allocated namespace; zeros for a valid NSID that is not allocated. */
    static byte[] identify(NamespaceInventory namespaces, int nsid) {
        if (!namespaces.validId(nsid)) {
            throw CommandFailure.of(StatusCode.INVALID_NAMESPACE_OR_FORMAT, "NSID " + Integer.toUnsignedString(nsid) + " is not valid");
        }
        return namespaces.allocated(nsid).map(ns -> namespaces.identify(ns).build()).orElseGet(() -> new byte[4096]);
    }
}
