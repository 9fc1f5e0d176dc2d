package dev.nvmekit.testbench.nvme;

import java.util.ArrayList;
import java.util.List;

/**
 * The Namespace Identification Descriptor list returned by Identify CNS 03h: descriptors packed
 * back to back in a 4096-byte buffer, ended by one whose NIDL (and NIDT) is 0 or by the end of
 * the buffer (NVMe Base Specification 2.0, section 5.17.2.3).
 */
public record NamespaceIdentificationDescriptorList(List<NamespaceIdentificationDescriptor> descriptors) {
    public static final int SIZE = 4096;

    public NamespaceIdentificationDescriptorList {
        descriptors = List.copyOf(descriptors);
        int total = descriptors.stream().mapToInt(NamespaceIdentificationDescriptor::encodedLength).sum();
        if (total > SIZE) {
            throw new IllegalArgumentException("descriptors take " + total + " bytes, more than " + SIZE);
        }
    }

    public static NamespaceIdentificationDescriptorList parse(byte[] b) {
        LittleEndian.requireLength(b, SIZE, "Namespace Identification Descriptor list");
        List<NamespaceIdentificationDescriptor> out = new ArrayList<>();
        int off = 0;
        while (off + NamespaceIdentificationDescriptor.HEADER <= SIZE) {
            int type = LittleEndian.u8(b, off);
            int length = LittleEndian.u8(b, off + 1);
            if (type == 0 || length == 0 || off + NamespaceIdentificationDescriptor.HEADER + length > SIZE) {
                break;
            }
            out.add(NamespaceIdentificationDescriptor.parse(b, off));
            off += NamespaceIdentificationDescriptor.HEADER + length;
        }
        return new NamespaceIdentificationDescriptorList(out);
    }

    public byte[] build() {
        byte[] b = new byte[SIZE];
        int off = 0;
        for (NamespaceIdentificationDescriptor d : descriptors) {
            d.buildInto(b, off);
            off += d.encodedLength();
        }
        return b;
    }
}
