package dev.nvmekit.testbench.firmware;

import dev.nvmekit.testbench.media.MediaStore;
import dev.nvmekit.testbench.media.NamespaceMedia;
import dev.nvmekit.testbench.nvme.IdentifyNamespace;
import dev.nvmekit.testbench.nvme.LbaFormat;
import dev.nvmekit.testbench.nvme.NamespaceIdentificationDescriptor;
import dev.nvmekit.testbench.nvme.NamespaceIdentificationDescriptorList;
import dev.nvmekit.testbench.nvme.StatusCode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The namespaces of the NVM subsystem as the firmware sees them: allocated ones live in the
 * {@link MediaStore} (so they survive resets and power cycles), active ones are the allocated
 * ones attached to this controller. Builds their Identify data.
 */
final class NamespaceInventory {
    /** NSID FFFFFFFFh, the broadcast value. */
    static final int BROADCAST = -1;
    /** DLFEAT: deallocated blocks read as zeros (bits 2:0 = 001b), Write Zeroes may deallocate (bit 3). */
    private static final int DLFEAT = 0b1001;

    private final FirmwareConfig config;
    private final MediaStore store;

    NamespaceInventory(FirmwareConfig config, MediaStore store) {
        this.config = config;
        this.store = store;
        if (store.isEmpty()) {
            for (NamespaceSpec ns : config.namespaces()) {
                store.create(ns.nsid(), ns.blocks(), blockSize(ns.lbaFormatIndex()), ns.lbaFormatIndex(), true);
            }
        }
    }

    int blockSize(int lbaFormatIndex) {
        return (int) config.lbaFormats().get(lbaFormatIndex).blockSize();
    }

    /** Whether {@code nsid} is in 1..NN. */
    boolean validId(int nsid) {
        return nsid != 0 && Integer.toUnsignedLong(nsid) <= config.maxNamespaces();
    }

    Optional<NamespaceMedia> allocated(int nsid) {
        return store.namespace(nsid);
    }

    Optional<NamespaceMedia> active(int nsid) {
        return store.namespace(nsid).filter(NamespaceMedia::attached);
    }

    /** The active namespace an I/O command names, or Invalid Namespace or Format. */
    NamespaceMedia requireActive(int nsid) {
        return active(nsid).orElseThrow(() -> CommandFailure.of(StatusCode.INVALID_NAMESPACE_OR_FORMAT,
                "namespace " + Integer.toUnsignedString(nsid) + " is not active"));
    }

    List<NamespaceMedia> activeNamespaces() {
        return store.namespaces().stream().filter(NamespaceMedia::attached).toList();
    }

    List<Integer> activeIds() {
        return activeNamespaces().stream().map(NamespaceMedia::nsid).toList();
    }

    long unallocatedBytes() {
        return config.capacityBytes() - store.allocatedBytes();
    }

    /** Identify Namespace (CNS 00h) of an allocated namespace. */
    IdentifyNamespace identify(NamespaceMedia ns) {
        return IdentifyNamespace.builder().nsze(ns.size()).ncap(ns.size()).nuse(ns.allocatedBlocks())
                .flbas(ns.lbaFormatIndex()).dlfeat(DLFEAT).nvmcap(BigInteger.valueOf(ns.bytes()))
                .nguid(nguid(ns.nsid())).eui64(eui64(ns.nsid())).lbaFormats(config.lbaFormats()).build();
    }

    /**
     * Identify Namespace for NSID FFFFFFFFh: the capabilities common to all namespaces, sizes zero
     * (NVMe 2.0, section 5.17.2.1: with Namespace Management supported this returns the LBA formats
     * a host may create namespaces with).
     */
    IdentifyNamespace commonCapabilities() {
        return IdentifyNamespace.builder().dlfeat(DLFEAT).nguid("0".repeat(32)).eui64("0".repeat(16))
                .lbaFormats(config.lbaFormats()).build();
    }

    NamespaceIdentificationDescriptorList descriptors(NamespaceMedia ns) {
        return new NamespaceIdentificationDescriptorList(List.of(
                new NamespaceIdentificationDescriptor.Eui64(eui64(ns.nsid())),
                new NamespaceIdentificationDescriptor.Nguid(nguid(ns.nsid())),
                new NamespaceIdentificationDescriptor.Uuid(uuid(ns.nsid())),
                new NamespaceIdentificationDescriptor.CommandSetIdentifier(0)));
    }

    private String eui64(int nsid) {
        // An IEEE-style identifier unique per namespace and per drive serial number.
        return String.format("%08x%08x", config.serialNumber().hashCode(), nsid);
    }

    /** A name-based (version 3) UUID of the drive's serial number and the NSID: stable across runs. */
    UUID uuid(int nsid) {
        return UUID.nameUUIDFromBytes((config.serialNumber() + "/" + nsid).getBytes(StandardCharsets.US_ASCII));
    }

    private String nguid(int nsid) {
        return String.format("%08x%08x%08x%08x", config.vid(), config.serialNumber().hashCode(),
                config.modelNumber().hashCode(), nsid);
    }

    /** Allocates a namespace (Namespace Management, create) and returns its NSID. */
    int create(long nsze, long ncap, int lbaFormatIndex) {
        if (lbaFormatIndex >= config.lbaFormats().size()) {
            throw CommandFailure.of(StatusCode.INVALID_FORMAT, "LBA format " + lbaFormatIndex + " does not exist");
        }
        if (nsze == 0) {
            throw CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND, "NSZE is 0");
        }
        if (ncap != nsze) {
            throw CommandFailure.of(StatusCode.THIN_PROVISIONING_NOT_SUPPORTED, "NCAP " + ncap + " differs from NSZE " + nsze);
        }
        LbaFormat f = config.lbaFormats().get(lbaFormatIndex);
        if (nsze < 0 || nsze > unallocatedBytes() / f.blockSize()) {
            throw CommandFailure.of(StatusCode.NAMESPACE_INSUFFICIENT_CAPACITY,
                    Long.toUnsignedString(nsze) + " blocks do not fit in " + unallocatedBytes() + " free bytes");
        }
        for (int nsid = 1; nsid <= config.maxNamespaces(); nsid++) {
            if (store.namespace(nsid).isEmpty()) {
                store.create(nsid, nsze, (int) f.blockSize(), lbaFormatIndex, false);
                return nsid;
            }
        }
        throw CommandFailure.of(StatusCode.NAMESPACE_IDENTIFIER_UNAVAILABLE, "all " + config.maxNamespaces() + " NSIDs are in use");
    }

    /** Namespace Management, delete: the NSIDs that were attached (their removal changes the active list). */
    List<Integer> delete(int nsid) {
        List<NamespaceMedia> victims = new ArrayList<>();
        if (nsid == BROADCAST) {
            victims.addAll(store.namespaces());
        } else {
            victims.add(store.namespace(nsid).orElseThrow(() -> CommandFailure.of(
                    StatusCode.INVALID_NAMESPACE_OR_FORMAT, "namespace " + Integer.toUnsignedString(nsid) + " does not exist")));
        }
        List<Integer> detached = new ArrayList<>();
        for (NamespaceMedia ns : victims) {
            if (ns.attached()) {
                detached.add(ns.nsid());
            }
            store.delete(ns.nsid());
        }
        return detached;
    }
}
