package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.testbench.cli.Main;
import dev.nvmekit.testbench.nvme.CompletionStatus;
import dev.nvmekit.testbench.nvme.StatusCode;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The parts of the nvme command that need no device: JSON layout, numbers, device paths, script lines. */
class NvmeCliPiecesTest {
    @Test
    void jsonIsLaidOutAsJsonCPrettyPrintsIt() {
        Json j = new Json().put("sn", "A \"b\"").put("nn", 4).putU32("nsid", -1)
                .put("list", List.of(new Json().put("x", 1), 2)).put("empty", List.of());
        assertEquals("""
                {
                  "sn":"A \\"b\\"",
                  "nn":4,
                  "nsid":4294967295,
                  "list":[
                    {
                      "x":1
                    },
                    2
                  ],
                  "empty":[]
                }""", j.toString());
    }

    @Test
    void numbersAreReadLikeStrtoulWithBaseZero() {
        assertEquals(-1, new Numbers.U32().convert("0xffffffff"));
        assertEquals(8, new Numbers.U32().convert("010"));
        assertEquals(4096, new Numbers.U32().convert("4096"));
        assertThrows(TypeConversionException.class, () -> new Numbers.U8().convert("256"));
        assertThrows(TypeConversionException.class, () -> new Numbers.U16().convert("12k"));
        assertEquals(1L << 40, new Numbers.U64().convert("0x10000000000"));
    }

    @Test
    void devicePathsNameTheControllerOrANamespace() {
        assertEquals(OptionalInt.empty(), DevicePath.parse("/dev/nvme0").namespace());
        assertEquals(OptionalInt.of(3), DevicePath.parse("/dev/nvme0n3").namespace());
        assertEquals(OptionalInt.of(1), DevicePath.parse("/dev/ng0n1").namespace());
        assertEquals(7, DevicePath.parse("/dev/nvme0n1").namespaceId(7, "x"));
        assertThrows(Main.UsageError.class, () -> DevicePath.parse("/dev/nvme0n0"));
        assertThrows(Main.UsageError.class, () -> DevicePath.parse("/dev/ng0"));
        assertThrows(Main.UsageError.class, () -> DevicePath.parse("nvme0"));
        assertThrows(Main.UsageError.class, () -> DevicePath.parse("/dev/nvme0").namespaceId(null, "read"));
    }

    @Test
    void scriptLinesSplitLikeAShell() {
        Path f = Path.of("s.nvme");
        assertEquals(List.of("write", "/dev/nvme0n1", "-d", "my file.bin"),
                ScenarioCommand.split("write /dev/nvme0n1 -d 'my file.bin'  # comment", f, 1));
        assertEquals(List.of("a#b", "c"), ScenarioCommand.split("a#b \"c\"", f, 1));
        assertEquals(List.of(), ScenarioCommand.split("   # only a comment", f, 1));
        assertThrows(Main.UsageError.class, () -> ScenarioCommand.split("read \"x", f, 1));
        assertEquals(300_000L, ScenarioCommand.sleepNanoseconds(List.of("sleep", "300us")));
        assertThrows(Main.UsageError.class, () -> ScenarioCommand.sleepNanoseconds(List.of("sleep", "1s")));
    }

    @Test
    void statusTextIsLibnvmesWithTheFieldInHex() {
        assertEquals("NVMe status: Invalid Field in Command: A reserved coded value or an unsupported value in a defined field(0x4002)",
                LibnvmeStatusText.statusLine(CompletionStatus.of(StatusCode.INVALID_FIELD_IN_COMMAND, true)));
        assertEquals("Namespace Already Attached: The controller is already attached to the namespace specified",
                LibnvmeStatusText.of(CompletionStatus.of(StatusCode.NAMESPACE_ALREADY_ATTACHED, true)));
        // Command specific codes from 3Ch on are the NVM command set's.
        assertEquals("Attempted Write to Read Only Range: The LBA range specified contains read-only blocks",
                LibnvmeStatusText.of(new CompletionStatus(1, 0x82, 0, false, false)));
        assertEquals("unrecognized", LibnvmeStatusText.of(new CompletionStatus(1, 0x17, 0, false, false)));
        assertEquals("unrecognized", LibnvmeStatusText.of(new CompletionStatus(0, 0x7F, 0, false, false)));
        assertEquals("Unknown status", LibnvmeStatusText.of(new CompletionStatus(5, 0, 0, false, false)));
        assertEquals("Vendor Specific Status", LibnvmeStatusText.of(new CompletionStatus(7, 0xC0, 0, false, false)));
        assertEquals("Internal Path Error: An internal error specific to the controller processing the command prevented completion(0x2300)",
                LibnvmeStatusText.statusLine(new CompletionStatus(3, 0, 0, true, false)).substring("NVMe status: ".length()));
    }

    @Test
    void hexDumpPadsAShortLastRowAndShowsBlanksAsDots() {
        byte[] data = "hello, simulated flash".getBytes();
        assertEquals("""
                       0  1  2  3  4  5  6  7  8  9  a  b  c  d  e  f
                0000: 68 65 6c 6c 6f 2c 20 73 69 6d 75 6c 61 74 65 64 "hello,.simulated"
                0010: 20 66 6c 61 73 68                                ".flash"
                """, Bytes.hexDump(data));
    }

    @Test
    void siSizesAreReadLikeNvmeCli() {
        assertEquals(16_000_000L, NamespaceManagementCommands.CreateNs.siBytes("nsze", "16M"));
        assertEquals(1_500_000_000L, NamespaceManagementCommands.CreateNs.siBytes("nsze", "1.5G"));
        assertEquals(4096L, NamespaceManagementCommands.CreateNs.siBytes("nsze", "4096"));
        assertThrows(Main.UsageError.class, () -> NamespaceManagementCommands.CreateNs.siBytes("nsze", "12X"));
        assertThrows(Main.UsageError.class, () -> NamespaceManagementCommands.CreateNs.siBytes("nsze", "1.5"));
    }

    @Test
    void idCtrlHumanReadableDecodesTemperaturesInThreeUnits() {
        assertEquals("70 °C (343 K, 158 °F)", IdCtrlHuman.degrees(343));
    }
}
