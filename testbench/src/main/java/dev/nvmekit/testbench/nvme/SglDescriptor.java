package dev.nvmekit.testbench.nvme;

/**
 * A 16-byte SGL descriptor (NVMe Base Specification 2.0, section 4.1.2, Figures 113-118):
 * bytes 7:0 address, 11:8 length, 14:12 reserved, byte 15 the SGL Identifier with the
 * descriptor type in bits 7:4 and the sub type in bits 3:0 (0h: address, the only sub type a
 * PCIe controller uses; 1h offset is for fabrics).
 */
public sealed interface SglDescriptor {
    int SIZE = 16;
    int TYPE_DATA_BLOCK = 0x0;
    int TYPE_BIT_BUCKET = 0x1;
    int TYPE_SEGMENT = 0x2;
    int TYPE_LAST_SEGMENT = 0x3;
    int TYPE_KEYED_DATA_BLOCK = 0x4;
    int TYPE_TRANSPORT_DATA_BLOCK = 0x5;
    int TYPE_VENDOR_SPECIFIC = 0xF;
    int SUBTYPE_ADDRESS = 0x0;
    int SUBTYPE_OFFSET = 0x1;

    /** Descriptor type, SGL Identifier bits 7:4. */
    int type();

    /** Descriptor sub type, SGL Identifier bits 3:0. */
    int subtype();

    long address();

    /** Length in bytes: of data for data/bit bucket descriptors, of the segment for segment descriptors. */
    long length();

    /** Data Block (0h): a contiguous data buffer. */
    record DataBlock(long address, long length) implements SglDescriptor {
        public DataBlock {
            checkLength(length);
        }

        public int type() {
            return TYPE_DATA_BLOCK;
        }

        public int subtype() {
            return SUBTYPE_ADDRESS;
        }
    }

    /** Bit Bucket (1h): {@code length} bytes of read data the host does not want; the address field is reserved. */
    record BitBucket(long length) implements SglDescriptor {
        public BitBucket {
            checkLength(length);
        }

        public int type() {
            return TYPE_BIT_BUCKET;
        }

        public int subtype() {
            return SUBTYPE_ADDRESS;
        }

        public long address() {
            return 0;
        }
    }

    /** Segment (2h): points at a further segment of descriptors that is not the last one. */
    record Segment(long address, long length) implements SglDescriptor {
        public Segment {
            checkLength(length);
        }

        public int type() {
            return TYPE_SEGMENT;
        }

        public int subtype() {
            return SUBTYPE_ADDRESS;
        }
    }

    /** Last Segment (3h): points at the final segment, which holds no segment descriptors. */
    record LastSegment(long address, long length) implements SglDescriptor {
        public LastSegment {
            checkLength(length);
        }

        public int type() {
            return TYPE_LAST_SEGMENT;
        }

        public int subtype() {
            return SUBTYPE_ADDRESS;
        }
    }

    /** Any other type or sub type (keyed, transport, vendor, reserved), kept so it can be reported. */
    record Other(int type, int subtype, long address, long length) implements SglDescriptor {
        public Other {
            Bits.checkRange("SGL descriptor type", type, 0, 15);
            Bits.checkRange("SGL descriptor sub type", subtype, 0, 15);
            checkLength(length);
        }
    }

    private static void checkLength(long length) {
        Bits.checkRange("SGL descriptor length", length, 0, 0xFFFF_FFFFL);
    }

    default byte[] encode() {
        byte[] b = new byte[SIZE];
        encodeInto(b, 0);
        return b;
    }

    default void encodeInto(byte[] b, int off) {
        LittleEndian.put64(b, off, address());
        LittleEndian.put32(b, off + 8, (int) length());
        LittleEndian.put8(b, off + 15, type() << 4 | subtype());
    }

    /** Segment and Last Segment descriptors point at more descriptors rather than at data. */
    default boolean isSegmentPointer() {
        return this instanceof Segment || this instanceof LastSegment;
    }

    static SglDescriptor decode(byte[] b, int off) {
        LittleEndian.requireLength(b, off + SIZE, "SGL descriptor");
        long address = LittleEndian.u64(b, off);
        long length = LittleEndian.u32(b, off + 8) & 0xFFFF_FFFFL;
        int id = LittleEndian.u8(b, off + 15);
        int type = id >>> 4;
        int subtype = id & 0xF;
        if (subtype != SUBTYPE_ADDRESS) {
            return new Other(type, subtype, address, length);
        }
        return switch (type) {
            case TYPE_DATA_BLOCK -> new DataBlock(address, length);
            case TYPE_BIT_BUCKET -> new BitBucket(length);
            case TYPE_SEGMENT -> new Segment(address, length);
            case TYPE_LAST_SEGMENT -> new LastSegment(address, length);
            default -> new Other(type, subtype, address, length);
        };
    }
}
