package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.testbench.cli.Main;
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
}
