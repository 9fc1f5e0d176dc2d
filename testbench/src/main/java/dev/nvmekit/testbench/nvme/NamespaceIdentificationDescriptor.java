package dev.nvmekit.testbench.nvme;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One Namespace Identification Descriptor of the Identify CNS 03h list (NVMe Base Specification
 * 2.0, section 5.17.2.3, Figures 279-280): NIDT at byte 0, NIDL at byte 1, two reserved bytes,
 * then NIDL bytes of identifier.
 */
public sealed interface NamespaceIdentificationDescriptor {
    int HEADER = 4;

    /** NIDT, the identifier type. */
    int type();

    /** The NID bytes. */
    byte[] identifier();

    /** NIDT 1h: IEEE Extended Unique Identifier, 8 bytes, kept as hex. */
    record Eui64(String hex) implements NamespaceIdentificationDescriptor {
        public Eui64 {
            requireHexBytes(hex, 8);
        }

        public int type() {
            return 1;
        }

        public byte[] identifier() {
            return HexFormat.of().parseHex(hex);
        }
    }

    /** NIDT 2h: Namespace Globally Unique Identifier, 16 bytes, kept as hex. */
    record Nguid(String hex) implements NamespaceIdentificationDescriptor {
        public Nguid {
            requireHexBytes(hex, 16);
        }

        public int type() {
            return 2;
        }

        public byte[] identifier() {
            return HexFormat.of().parseHex(hex);
        }
    }

    /** NIDT 3h: a 16-byte UUID, in RFC 4122 (big-endian) byte order. */
    record Uuid(UUID uuid) implements NamespaceIdentificationDescriptor {
        public int type() {
            return 3;
        }

        public byte[] identifier() {
            return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits()).array();
        }
    }

    /** NIDT 4h: Command Set Identifier, 1 byte (00h NVM, 02h Zoned Namespace). */
    record CommandSetIdentifier(int csi) implements NamespaceIdentificationDescriptor {
        public CommandSetIdentifier {
            Bits.checkRange("CSI", csi, 0, 0xFF);
        }

        public int type() {
            return 4;
        }

        public byte[] identifier() {
            return new byte[] {(byte) csi};
        }
    }

    /** A type this model does not know, kept whole so a list still round trips. */
    record Other(int type, String hex) implements NamespaceIdentificationDescriptor {
        public Other {
            Bits.checkRange("NIDT", type, 1, 0xFF);
            if (HexFormat.of().parseHex(hex).length > 0xFF) {
                throw new IllegalArgumentException("NID longer than 255 bytes");
            }
        }

        public byte[] identifier() {
            return HexFormat.of().parseHex(hex);
        }
    }

    private static void requireHexBytes(String hex, int bytes) {
        if (HexFormat.of().parseHex(hex).length != bytes) {
            throw new IllegalArgumentException("'" + hex + "' is not " + bytes + " bytes of hex");
        }
    }

    /** Bytes this descriptor takes in the list. */
    default int encodedLength() {
        return HEADER + identifier().length;
    }

    default void buildInto(byte[] b, int off) {
        byte[] id = identifier();
        LittleEndian.put8(b, off, type());
        LittleEndian.put8(b, off + 1, id.length);
        System.arraycopy(id, 0, b, off + HEADER, id.length);
    }

    static NamespaceIdentificationDescriptor parse(byte[] b, int off) {
        int type = LittleEndian.u8(b, off);
        int length = LittleEndian.u8(b, off + 1);
        byte[] id = LittleEndian.slice(b, off + HEADER, length);
        String hex = HexFormat.of().formatHex(id);
        return switch (type) {
            case 1 -> length == 8 ? new Eui64(hex) : new Other(type, hex);
            case 2 -> length == 16 ? new Nguid(hex) : new Other(type, hex);
            case 3 -> {
                if (length != 16) {
                    yield new Other(type, hex);
                }
                ByteBuffer bb = ByteBuffer.wrap(id);
                yield new Uuid(new UUID(bb.getLong(), bb.getLong()));
            }
            case 4 -> length == 1 ? new CommandSetIdentifier(id[0] & 0xFF) : new Other(type, hex);
            default -> new Other(type, hex);
        };
    }
}
