package dev.nvmekit.testbench.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad command lines for every command: each is refused before any simulation with exit code 2
 * and exactly one line on stderr that names the problem, never a stack trace. {@code FILE} in a
 * line stands for a regular file, so {@code FILE/sub} is a path that cannot be created.
 */
class BadArgumentsTest {
    @TempDir
    static Path dir;

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            (none)                                              | missing command
            --bogus                                             | Unknown option: '--bogus'
            generate --param                                    | Missing required parameter for option '--param'
            generate --param x                                  | should be in KEY=VALUE format
            generate --param ioQueues=abc --out DIR             | ioQueues=abc is not a whole number
            generate --param queues=4 --out DIR                 | queues
            generate --design java.lang.String --out DIR        | java.lang.String is not a Component
            generate --out FILE/sub                             | cannot write
            lint --design nope                                  | unknown design 'nope'
            simulate --backend nope                             | unknown backend 'nope'
            simulate --rw=foo                                   | rw=foo is not one of
            simulate --bs abc                                   | bs=abc is not a number
            simulate --iodepth 0                                | iodepth must be 1..4095
            simulate --rwmixread 150                            | rwmixread must be 0..100
            simulate --job DIR/none.fio                         | no such job file
            wave                                                | Missing required parameter: 'VCD'
            wave DIR/none.vcd                                   | no such file
            wave FILE                                           | malformed VCD
            diff FILE                                           | Missing required parameter: 'RIGHT'
            bench --bogus                                       | Unknown option: '--bogus'
            nvme                                                | missing nvme subcommand
            nvme frobnicate                                     | Unmatched argument
            nvme read                                           | Missing required parameter: '<device>'
            nvme read /dev/sda                                  | is not an NVMe device
            nvme read /dev/nvme0n1 -s -5                        | '-5' is not a number
            nvme read /dev/nvme0n1 -c 70000                     | is larger than 65535
            nvme write /dev/nvme0n1 -d DIR/none.bin             | write: cannot read
            nvme admin-passthru /dev/nvme0                      | Missing required option: '--opcode=OPCODE'
            nvme admin-passthru /dev/nvme0 -O 6 -l 99999999     | --data-len must be 0..1048576
            nvme admin-passthru /dev/nvme0 -O 0x40 -l 16        | data direction not given
            nvme io-passthru /dev/nvme0n1 -O 1 -l 512           | needs --input-file
            nvme get-feature /dev/nvme0 -f 1 -s 9               | invalid 'select' param:9
            nvme set-feature /dev/nvme0 -f 0                    | feature-id required param
            nvme id-ctrl /dev/nvme0 -o xml                      | invalid output format 'xml'
            nvme flush /dev/nvme0n1 -o binary                   | -o binary is not supported
            nvme error-log /dev/nvme0 -e 0                      | non-zero log-entries is required param
            nvme list-ns /dev/nvme0 -n 0                        | list-ns: invalid nsid parameter
            nvme effects-log /dev/nvme0n1                       | Block device isn't allowed without csi
            nvme format /dev/nvme0n1 -l 99                      | invalid lbaf 99
            nvme create-ns /dev/nvme0 -f 0x1ff                  | is larger than 255
            nvme create-ns /dev/nvme0 -b 3000                   | Block size must be a power of two
            nvme attach-ns /dev/nvme0                           | namespace-id parameter required
            nvme delete-ns /dev/nvme0                           | get-namespace-id
            nvme id-ctrl /dev/nvme0 --media FILE/x.img          | does not exist
            nvme scenario                                       | Missing required parameter: 'FILE'
            """)
    void isAOneLineUsageError(String line, String message) throws Exception {
        Path file = dir.resolve("plain.txt");
        Files.writeString(file, "not what any command expects\n");
        String expanded = line.equals("(none)") ? "" : line.replace("FILE", file.toString()).replace("DIR", dir.toString());
        String[] args = expanded.isEmpty() ? new String[0] : expanded.trim().split(" +");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), new ByteArrayOutputStream());
        String e = err.toString();
        assertEquals(2, code, expanded + " -> " + e);
        assertTrue(e.startsWith("nvmekit: ") && e.contains(message), expanded + " -> " + e);
        assertEquals(1, e.lines().count(), "one line: " + e);
        assertFalse(e.contains("\tat ") || e.contains("Exception"), "no stack trace: " + e);
    }
}
