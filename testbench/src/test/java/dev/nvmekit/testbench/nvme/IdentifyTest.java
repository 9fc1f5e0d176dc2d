package dev.nvmekit.testbench.nvme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class IdentifyTest {

    private static IdentifyController sample() {
        return IdentifyController.builder().vid(0x1B36).ssvid(0x1AF4).serialNumber("SN123")
                .modelNumber("nvmekit front end").firmwareRevision("0.1").rab(6).ieee(0x525400).mdts(7)
                .cntlid(0x41).ver(ControllerVersion.NVME_1_4).rtd3e(1_000_000).oacs(0x0108).acl(3).aerl(3)
                .frmw(3).lpa(IdentifyController.LPA_COMMAND_EFFECTS).elpe(63).wctemp(343).cctemp(373)
                .sanicap(7).nn(4).oncs(0x5F).vwc(1).sgls(0x80001).subnqn("nqn.2019-08.org.qemu:SN123")
                .powerStates(List.of(PowerStateDescriptor.active(2500),
                        new PowerStateDescriptor(900, false, false, 10, 20, 1, 1, 1, 1, 0, 0, 0, 0, 0),
                        new PowerStateDescriptor(5, true, true, 5000, 30000, 3, 3, 3, 3, 5, 2, 7, 3, 2)))
                .build();
    }

    @Test
    void identifyControllerFieldsAtSpecOffsets() {
        byte[] b = sample().build();
        assertEquals(4096, b.length);
        assertEquals(0x36, b[0] & 0xFF);
        assertEquals(0x1B, b[1] & 0xFF);
        assertEquals("SN123", new String(b, 4, 5, StandardCharsets.US_ASCII));
        assertEquals(' ', b[9]); // space padded through byte 23
        assertEquals(' ', b[23]);
        assertEquals('n', b[24]);
        assertEquals(' ', b[63]);
        assertEquals("0.1     ", new String(b, 64, 8, StandardCharsets.US_ASCII));
        assertEquals(6, b[72]);
        assertEquals(0x00, b[73]); // IEEE OUI, least significant byte first
        assertEquals(0x54, b[74]);
        assertEquals(0x52, b[75]);
        assertEquals(7, b[77]); // MDTS
        assertEquals(0x41, b[78]); // CNTLID
        assertEquals(0x04, b[81]); // VER 1.4: MNR at bits 15:8
        assertEquals(0x01, b[82]);
        assertEquals(0x08, b[256]); // OACS
        assertEquals(0x01, b[257]);
        assertEquals(2, b[261]); // LPA
        assertEquals(2, b[263]); // NPSS: three states, 0's based
        assertEquals(0x57, b[266] & 0xFF); // WCTEMP 343 K = 157h
        assertEquals(0x01, b[267]);
        assertEquals(7, b[328]); // SANICAP
        assertEquals(0x66, b[512]); // SQES
        assertEquals(0x44, b[513]); // CQES
        assertEquals(4, b[516]); // NN, bytes 519:516
        assertEquals(0, b[517]);
        assertEquals(0x5F, b[520]); // ONCS
        assertEquals(1, b[525]); // VWC
        assertEquals(0x01, b[536]); // SGLS bits 1:0
        assertEquals(0x08, b[538]); // SGLS bit 19
        assertEquals("nqn.2019-08.org.qemu:SN123", new String(b, 768, 26, StandardCharsets.UTF_8));
        assertEquals(0, b[768 + 26]);
        assertEquals(0xC4, b[2048] & 0xFF); // PSD0 MP 2500 = 9C4h
        assertEquals(0x09, b[2049]);
        assertEquals(0x84, b[2080] & 0xFF); // PSD1 MP 900 = 384h
        assertEquals(3, b[2048 + 64 + 3]); // PSD2 MXPS | NOPS
        assertEquals(3 | 2 << 6, b[2048 + 64 + 22] & 0xFF); // PSD2 APW bits 2:0, APS bits 7:6
    }

    @Test
    void identifyControllerRoundTrips() {
        IdentifyController c = sample();
        assertEquals(c, IdentifyController.parse(c.build()));
        assertEquals(c, c.toBuilder().build());
        assertArrayEquals(c.build(), IdentifyController.parse(c.build()).build());
        assertEquals(128L * 4096, c.maxTransferBytes(4096));
    }

    @Property(tries = 100)
    void identifyControllerRoundTripsRandomFields(@ForAll @IntRange(max = 0xFFFF) int vid,
                                                  @ForAll @IntRange(max = 255) int mdts, @ForAll int nn,
                                                  @ForAll int sgls, @ForAll @IntRange(max = 0xFFFFFF) int ieee,
                                                  @ForAll @IntRange(min = 1, max = 32) int states) {
        var c = sample().toBuilder().vid(vid).mdts(mdts).nn(nn).sgls(sgls).ieee(ieee)
                .powerStates(java.util.Collections.nCopies(states, PowerStateDescriptor.active(states))).build();
        assertEquals(c, IdentifyController.parse(c.build()));
    }

    @Test
    void stringFieldsRejectOverlongValues() {
        assertThrows(IllegalArgumentException.class,
                () -> IdentifyController.builder().serialNumber("123456789012345678901").build());
        assertThrows(IllegalArgumentException.class, () -> IdentifyController.builder().modelNumber("caf\u00e9").build());
    }

    @Test
    void identifyNamespaceLayout() {
        var ns = IdentifyNamespace.builder().nsze(0x20_0000).ncap(0x20_0000).nuse(0x1000).flbas(1)
                .nvmcap(BigInteger.ONE.shiftLeft(40)).nguid("00112233445566778899aabbccddeeff")
                .eui64("0102030405060708").anagrpid(1)
                .lbaFormats(List.of(LbaFormat.ofBlockSize(512), LbaFormat.ofBlockSize(4096),
                        new LbaFormat(8, 12, 2)))
                .build();
        byte[] b = ns.build();
        assertEquals(0x20, b[2]); // NSZE bytes 7:0
        assertEquals(0x20, b[10]); // NCAP
        assertEquals(0x10, b[17]); // NUSE
        assertEquals(2, b[25]); // NLBAF
        assertEquals(1, b[26]); // FLBAS
        assertEquals(1, b[53]); // NVMCAP bit 40 -> byte 48 + 5
        assertEquals(0x00, b[104]);
        assertEquals((byte) 0xFF, b[119]);
        assertEquals(1, b[120]);
        assertEquals(8, b[127]);
        assertEquals(9, b[128 + 2]); // LBAF0 LBADS
        assertEquals(12, b[132 + 2]); // LBAF1 LBADS
        assertEquals(8, b[136]); // LBAF2 MS
        assertEquals(2, b[136 + 3]); // LBAF2 RP
        assertEquals(4096, ns.blockSize());
        assertEquals(ns, IdentifyNamespace.parse(b));
        assertEquals(ns, ns.toBuilder().build());
        assertEquals(512, IdentifyNamespace.simple(100, 512).blockSize());
    }

    @Test
    void formatIndexUsesUpperBitsOnlyBeyondSixteenFormats() {
        var many = IdentifyNamespace.builder().flbas(0b0010_0001)
                .lbaFormats(java.util.Collections.nCopies(20, LbaFormat.ofBlockSize(512))).build();
        assertEquals(17, many.formattedLbaIndex());
        assertEquals(many, IdentifyNamespace.parse(many.build()));
    }

    @Property(tries = 100)
    void activeNamespaceListRoundTrips(@ForAll @Size(max = 1024) List<@IntRange(min = 1, max = 100_000) Integer> ids) {
        List<Integer> sorted = ids.stream().distinct().sorted().toList();
        var list = new ActiveNamespaceList(sorted);
        assertEquals(list, ActiveNamespaceList.parse(list.build()));
    }

    @Test
    void activeNamespaceListPages() {
        var page = ActiveNamespaceList.page(List.of(1, 2, 5, 9), 2);
        assertEquals(List.of(5, 9), page.nsids());
        byte[] b = page.build();
        assertEquals(5, b[0]);
        assertEquals(9, b[4]);
        assertEquals(0, b[8]);
        assertThrows(IllegalArgumentException.class, () -> new ActiveNamespaceList(List.of(3, 2)));
    }

    @Test
    void namespaceDescriptorList() {
        var uuid = UUID.fromString("01234567-89ab-cdef-0123-456789abcdef");
        var list = new NamespaceIdentificationDescriptorList(List.of(
                new NamespaceIdentificationDescriptor.Eui64("0102030405060708"),
                new NamespaceIdentificationDescriptor.Nguid("00112233445566778899aabbccddeeff"),
                new NamespaceIdentificationDescriptor.Uuid(uuid),
                new NamespaceIdentificationDescriptor.CommandSetIdentifier(0)));
        byte[] b = list.build();
        assertEquals(1, b[0]); // NIDT EUI64
        assertEquals(8, b[1]); // NIDL
        assertEquals(1, b[4]);
        assertEquals(2, b[12]); // next descriptor at 4 + 8
        assertEquals(16, b[13]);
        assertEquals(3, b[32]); // 12 + 4 + 16
        assertEquals(0x01, b[36]); // UUID in RFC 4122 byte order
        assertEquals((byte) 0xEF, b[51]);
        assertEquals(4, b[52]);
        assertEquals(1, b[53]);
        assertEquals(0, b[56]);
        assertEquals(0, b[57]); // terminator
        assertEquals(list, NamespaceIdentificationDescriptorList.parse(b));
        byte[] odd = new byte[4096];
        odd[0] = 9;
        odd[1] = 2;
        assertInstanceOf(NamespaceIdentificationDescriptor.Other.class,
                NamespaceIdentificationDescriptorList.parse(odd).descriptors().getFirst());
        assertEquals(0x06, IdentifyCns.of(6).orElseThrow().value());
    }

    @Test
    void parseRejectsShortBuffers() {
        assertThrows(IllegalArgumentException.class, () -> IdentifyController.parse(new byte[100]));
        byte[] badNpss = new byte[4096];
        badNpss[263] = 40;
        assertThrows(IllegalArgumentException.class, () -> IdentifyController.parse(badNpss));
        byte[] zeros = new byte[4096];
        Arrays.fill(zeros, (byte) 0);
        assertEquals(1, IdentifyNamespace.parse(zeros).lbaFormats().size());
    }
}
