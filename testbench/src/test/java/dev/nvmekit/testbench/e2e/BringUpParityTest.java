package dev.nvmekit.testbench.e2e;

import dev.nvmekit.testbench.firmware.FirmwareBackEnd;
import dev.nvmekit.testbench.host.ControllerSetup;
import dev.nvmekit.testbench.host.HostDriver;
import dev.nvmekit.testbench.host.HostDriverConfig;
import dev.nvmekit.testbench.host.HostRequest;
import dev.nvmekit.testbench.nvme.*;
import dev.nvmekit.testbench.port.AxiMemoryConfig;
import dev.nvmekit.testbench.ssd.SimulatedSsd;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The bring-up of {@code nvme_init_ctrl_finish} and {@code nvme_scan_ns}, step for step: Identify
 * Controller, the Commands Supported and Effects log when LPA bit 1 says it exists (read once; a
 * reset keeps the cached copy), APST when APSTA bit 0 is set, the Timestamp when ONCS bit 6 is
 * set, and per namespace the descriptor list (CNS 03h) before Identify Namespace — and none of
 * the optional steps when the controller does not advertise them. The data is checked at the
 * byte offsets of NVMe Base Specification 2.0. On both simulators.
 */
class BringUpParityTest {

    private static SimulatedSsd ssd(SimulatorKind kind) {
        return FirmwareSsd.open(kind, AxiMemoryConfig.ideal(), HostDriverConfig.fastSimulation(1));
    }

    /** Admin commands as the front end handed them to the firmware: "opcode" or "opcode/CNS|LID|FID". */
    private static List<String> adminCommands(SimulatedSsd s) {
        return FirmwareSsd.handed(s).stream().filter(h -> h.sqid() == 0).map(h -> {
            SubmissionQueueEntry e = h.sqe();
            return switch (e.opcode()) {
                case 0x06, 0x02, 0x09, 0x0A -> String.format("%02x/%02x", e.opcode(), e.cdw10() & 0xFF);
                default -> String.format("%02x", e.opcode());
            };
        }).collect(Collectors.toList());
    }

    private static byte[] adminRead(SimulatedSsd s, SubmissionQueueEntry.Builder b, int bytes, int[] dw0) {
        long buf = s.memory().allocate(4096, 4096);
        HostRequest r = s.driver().adminCommand(b.prp1(buf).build());
        assertTrue(r.status().isSuccess(), r.command().opcode() + ": " + r.status());
        dw0[0] = r.dw0();
        byte[] data = s.memory().read(buf, bytes);
        s.memory().free(buf);
        return data;
    }

    private static int u32(byte[] b, int off) {
        return ByteBuffer.wrap(b, off, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void bringUpReadsTheEffectsLogSetsApstAndTimestampAndDescribesEachNamespace(SimulatorKind kind) {
        try (SimulatedSsd s = ssd(kind)) {
            HostDriver d = s.driver();
            FirmwareBackEnd fw = FirmwareSsd.firmware(s);
            s.run(ctx -> {
                d.enable();
                assertEquals(List.of("06/01", "02/05", "09/0c", "09/0e", "09/07", "05", "01", "09/0b", "0c",
                        "06/06", "06/02", "06/03", "06/00", "06/03", "06/00"), adminCommands(s), "bring-up order");
                ControllerSetup setup = d.setup();
                int[] dw0 = new int[1];

                // Commands Supported and Effects (LID 05h, section 5.16.1.6, Figure 210): ACS n at byte
                // 4n, IOCS n at 1024 + 4n; bit 0 CSUPP, bit 1 LBCC, bit 2 NCC, bit 3 NIC, bits 18:16 CSE.
                byte[] log = adminRead(s, GetLogPageCommand.of(LogPageIdentifier.COMMANDS_SUPPORTED_AND_EFFECTS, 4096)
                        .applyTo(SubmissionQueueEntry.builder(AdminOpcode.GET_LOG_PAGE)), 4096, dw0);
                assertEquals(1, u32(log, 4 * 0x06), "ACS6 Identify: supported, no effects");
                assertEquals(1 | 1 << 1 | 1 << 2 | 1 << 16, u32(log, 4 * 0x80), "ACS128 Format NVM: CSUPP LBCC NCC, CSE 1");
                assertEquals(1 | 1 << 1, u32(log, 1024 + 4 * 0x01), "IOCS1 Write: CSUPP LBCC");
                assertEquals(1, u32(log, 1024 + 4 * 0x02), "IOCS2 Read");
                assertEquals(0, u32(log, 4 * 0x7F), "ACS127: not supported");
                assertEquals(CommandsSupportedAndEffectsLog.parse(log), setup.commandEffects().orElseThrow(), "the driver's copy");

                // APST (Feature 0Ch, Figure 328): entry n at byte 8n, ITPS bits 7:3, ITPT bits 31:8. PS3
                // (5+10 ms round trip) is within the 15 ms primary tolerance: 100 ms from PS0-PS2; PS4
                // (60 ms) within the 100 ms secondary one: 2000 ms from PS3.
                byte[] apst = adminRead(s, SubmissionQueueEntry.builder(AdminOpcode.GET_FEATURES)
                        .cdw10(FeatureIdentifier.AUTONOMOUS_POWER_STATE_TRANSITION.getFeaturesCdw10(0)), ApstTable.SIZE, dw0);
                assertEquals(1, dw0[0] & 1, "APSTE");
                for (int ps = 0; ps <= 2; ps++) assertEquals(3 << 3 | 100 << 8, u32(apst, 8 * ps), "entry " + ps);
                assertEquals(4 << 3 | 2000 << 8, u32(apst, 24));
                assertEquals(0, u32(apst, 32), "nothing below the deepest state");
                assertEquals(ApstTable.parse(apst), setup.apstTable().orElseThrow());

                // Timestamp (Feature 0Eh): bytes 5:0 milliseconds, byte 6 bit 0 Synch, bits 3:1 Origin.
                long sent = setup.timestampSent().orElseThrow();
                long sentAtMs = sent - ControllerSetup.SIMULATED_EPOCH_MILLIS;
                ctx.waitCycles(100_000); // 1 ms at 10 ns
                byte[] ts = adminRead(s, SubmissionQueueEntry.builder(AdminOpcode.GET_FEATURES)
                        .cdw10(FeatureIdentifier.TIMESTAMP.getFeaturesCdw10(0)), Timestamp.SIZE, dw0);
                long millis = ByteBuffer.wrap(ts).order(ByteOrder.LITTLE_ENDIAN).getLong() & 0xFFFF_FFFF_FFFFL;
                long nowMs = s.loop().cycle() * FirmwareSsd.PERIOD_PS / 1_000_000_000L;
                assertTrue(millis >= sent + 1 && millis <= sent + (nowMs - sentAtMs) + 1,
                        "set at " + sent + ", read " + millis + " about " + (nowMs - sentAtMs) + " ms later");
                assertEquals(0b001 << 1, ts[6], "Synch 0, Timestamp Origin 001b: set by Set Features");
                assertEquals(0, ts[7]);

                // Namespace Identification Descriptor list (CNS 03h, section 5.17.2.3, Figures 279-280):
                // NIDT at byte 0, NIDL at 1, NID from 4; EUI64 (1h, 8 bytes), NGUID (2h, 16), UUID (3h, 16), CSI (4h, 1).
                for (int nsid : List.of(1, 2)) {
                    byte[] list = adminRead(s, IdentifyCommand.of(IdentifyCns.NAMESPACE_DESCRIPTOR_LIST, nsid)
                            .applyTo(SubmissionQueueEntry.builder(AdminOpcode.IDENTIFY)), 4096, dw0);
                    byte[] id = adminRead(s, IdentifyCommand.of(IdentifyCns.NAMESPACE, nsid)
                            .applyTo(SubmissionQueueEntry.builder(AdminOpcode.IDENTIFY)), 4096, dw0);
                    HexFormat hex = HexFormat.of();
                    assertArrayEquals(new byte[] {1, 8, 0, 0}, java.util.Arrays.copyOfRange(list, 0, 4));
                    assertEquals(hex.formatHex(id, 120, 128), hex.formatHex(list, 4, 12), "EUI64 = Identify Namespace bytes 127:120");
                    assertArrayEquals(new byte[] {2, 16, 0, 0}, java.util.Arrays.copyOfRange(list, 12, 16));
                    assertEquals(hex.formatHex(id, 104, 120), hex.formatHex(list, 16, 32), "NGUID = Identify Namespace bytes 119:104");
                    assertArrayEquals(new byte[] {3, 16, 0, 0}, java.util.Arrays.copyOfRange(list, 32, 36));
                    ByteBuffer uuid = ByteBuffer.wrap(list, 36, 16);
                    UUID expected = UUID.nameUUIDFromBytes(("NVMEKIT0001/" + nsid).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    assertEquals(expected, new UUID(uuid.getLong(), uuid.getLong()), "UUID in RFC 4122 byte order");
                    assertArrayEquals(new byte[] {4, 1, 0, 0, 0}, java.util.Arrays.copyOfRange(list, 52, 57), "CSI 0: NVM");
                    assertArrayEquals(new byte[8], java.util.Arrays.copyOfRange(list, 57, 65), "the list ends with a zero NIDL");
                    assertEquals(NamespaceIdentificationDescriptorList.parse(list), setup.descriptors(nsid).orElseThrow());
                }

                // A reset: the same bring-up without the effects log (nvme_get_effects_log's cache).
                int before = adminCommands(s).size();
                d.reset();
                List<String> again = adminCommands(s).subList(before, adminCommands(s).size());
                assertFalse(again.contains("02/05"), again.toString());
                assertTrue(again.containsAll(List.of("06/01", "09/0c", "09/0e", "06/03")), again.toString());
            }, 3_000_000);
            assertTrue(fw.processor().identifyController().lpa() != 0);
            FirmwareSsd.assertClean(s);
        }
    }

    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void aControllerThatAdvertisesNoneOfThemGetsNone(SimulatorKind kind) {
        try (SimulatedSsd s = ssd(kind)) {
            HostDriver d = s.driver();
            // CNTRLTYPE 3h, an administrative controller, has no I/O command set to ask CNS 06h about
            // (nvme_is_io_ctrl). Its queue_count = 1 (no I/O queues) is not modelled, so I/O still works.
            FirmwareSsd.firmware(s).processor().reviseIdentifyController(id -> id.toBuilder()
                    .lpa(0).apsta(0).oncs(id.oncs() & ~IdentifyController.ONCS_TIMESTAMP).cntrltype(3).build());
            s.run(ctx -> {
                d.enable();
                assertEquals(List.of("06/01", "09/07", "05", "01", "09/0b", "0c", "06/02", "06/03", "06/00", "06/03", "06/00"),
                        adminCommands(s));
                assertTrue(d.setup().commandEffects().isEmpty());
                assertTrue(d.setup().apstTable().isEmpty());
                assertTrue(d.setup().timestampSent().isEmpty());
                assertTrue(d.setup().nvmLimits().isEmpty());
                assertTrue(d.read(1, 0, 1, new byte[512]).isSuccess());
            }, 3_000_000);
            FirmwareSsd.assertClean(s);
        }
    }

    /**
     * {@code nvme_init_non_mdts_limits} at the start of each {@code nvme_scan_work}: Identify CNS 06h
     * with CSI 00h (NVM), its WZSL replacing MDTS as the Write Zeroes limit.
     */
    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void theNvmCommandSetsLimitsAreReadAtTheStartOfEveryScan(SimulatorKind kind) {
        NvmIdentifyController limits = new NvmIdentifyController(0, 3, 0, 32, 4096, 1L << 20);
        try (SimulatedSsd s = FirmwareSsd.open(kind, FirmwareSsd.config().nvmIdentify(Optional.of(limits)).build(),
                AxiMemoryConfig.ideal(), HostDriverConfig.fastSimulation(1))) {
            HostDriver d = s.driver();
            s.run(ctx -> {
                d.enable();
                List<String> sent = adminCommands(s);
                assertEquals(sent.indexOf("06/02") - 1, sent.indexOf("06/06"), "CNS 06h just before the active list: " + sent);
                SubmissionQueueEntry cns6 = FirmwareSsd.handed(s).stream().map(FirmwareSsd.Handed::sqe)
                        .filter(e -> e.opcode() == 0x06 && (e.cdw10() & 0xFF) == 0x06).findFirst().orElseThrow();
                assertEquals(NvmIdentifyController.CSI_NVM, cns6.cdw11() >>> 24, "CSI in CDW11 bits 31:24");
                assertEquals(limits, d.setup().nvmLimits().orElseThrow());
                assertEquals(4096, d.capabilities().minPageSize());
                assertEquals(64, d.setup().maxWriteZeroesSectors(), "WZSL 3: 2^3 pages of 4 KiB = 64 sectors, not MDTS 5's 256");
                d.rescanNamespaces();
                assertEquals(2, Collections.frequency(adminCommands(s), "06/06"), "a rescan reads them again");
            }, 3_000_000);
            FirmwareSsd.assertClean(s);
        }
    }

    /** A controller that answers CNS 06h with an error status is not asked again (NVME_CTRL_SKIP_ID_CNS_CS), not even after a reset. */
    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void aControllerThatRefusesCns06hIsNotAskedAgain(SimulatorKind kind) {
        try (SimulatedSsd s = FirmwareSsd.open(kind, FirmwareSsd.config().nvmIdentify(Optional.empty()).build(),
                AxiMemoryConfig.ideal(), HostDriverConfig.fastSimulation(1))) {
            HostDriver d = s.driver();
            s.run(ctx -> {
                d.enable();
                assertEquals(1, Collections.frequency(adminCommands(s), "06/06"));
                assertTrue(d.setup().nvmLimits().isEmpty());
                assertEquals(256, d.setup().maxWriteZeroesSectors(), "MDTS 5: 128 KiB");
                assertEquals(2, d.namespaces().size(), "the scan goes on");
                d.reset();
                d.rescanNamespaces();
                assertEquals(1, Collections.frequency(adminCommands(s), "06/06"), adminCommands(s).toString());
                assertEquals(2, d.namespaces().size());
            }, 4_000_000);
            FirmwareSsd.assertClean(s);
        }
    }
}
