package dev.nvmekit.testbench.cli.nvme;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The identify, log, feature, register and passthru subcommands on one booted device, checked
 * against nvme-cli's field names and the values the default firmware configuration implies.
 */
class NvmeAdminCommandsTest {
    static DeviceSession device;

    @BeforeAll
    static void boot() {
        device = DeviceSession.boot(null);
    }

    @AfterAll
    static void powerOff() {
        device.close();
    }

    static NvmeCliRun ok(String... args) {
        NvmeCliRun r = NvmeCliRun.on(device, args);
        assertEquals(0, r.code(), r.toString());
        return r;
    }

    static void hasLine(NvmeCliRun r, String regex) {
        assertTrue(Pattern.compile(regex, Pattern.MULTILINE).matcher(r.out()).find(), "no line /" + regex + "/ in\n" + r);
    }

    @Test
    void idCtrlPrintsTheFirmwareIdentityInNvmeCliLayout() {
        NvmeCliRun r = ok("id-ctrl", "/dev/nvme0");
        assertTrue(r.out().startsWith("NVME Identify Controller:\n"), r.out());
        hasLine(r, "^vid       : 0x1d1d$");
        hasLine(r, "^sn        : NVMEKIT0001         $"); // 20 characters, space padded as the field is
        hasLine(r, "^mn        : nvmekit simulated SSD {19}$");
        hasLine(r, "^fr        : 1\\.0     $");
        hasLine(r, "^mdts      : 5$");
        hasLine(r, "^nn        : 4$");
        hasLine(r, "^elpe      : 63$");
        hasLine(r, "^npss      : 4$");
        hasLine(r, "^tnvmcap   : 268435456$");
        hasLine(r, "^subnqn    : nqn\\.2024-01\\.dev\\.nvmekit:NVMEKIT0001$");
        hasLine(r, "^ps      0 : mp:25\\.00W operational enlat:0 exlat:0 rrt:0 rrl:0$");
        hasLine(r, "^            rwt:0 rwl:0 idle_power:- active_power:-$");
        hasLine(r, "^            emergency power fail recovery time: -$");
        hasLine(r, "^ps      3 : mp:0\\.0500W non-operational enlat:5000 exlat:10000");
        // nvme-cli 2.16 fields from the NVMe 2.1 layout, in its order
        hasLine(r, "^rrls      : 0\nbpcap     : 0\nnssl      : 0\nplsi      : 0\ncntrltype : 1$");
        hasLine(r, "^oacs      : 0xa$");
        hasLine(r, "^unvmcap   : 201326592$");
        hasLine(r, "^mcdqpc    : 0\nsubnqn    : ");

        NvmeCliRun h = ok("id-ctrl", "/dev/nvme0", "-H");
        hasLine(h, "^oncs      : 0x4d\n  \\[12:12\\] : 0\tNamespace Zeroes Not Supported$");
        hasLine(h, "^  \\[3:3\\] : 0x1\tWrite Zeroes Supported\n  \\[2:2\\] : 0x1\tData Set Management Supported$");
        hasLine(h, "^  \\[6:6\\] : 0x1\tTimestamp Supported$");
        hasLine(h, "^ \\[16:16\\]: 0x1\tSGL Bit-Bucket Supported$");
        hasLine(h, "^  \\[2:2\\] : 0\tKeyed SGL Data Block descriptor Not Supported\n  \\[1:0\\] : 0x1\tScatter-Gather Lists Supported\\. No Dword alignment required\\.$");
        hasLine(h, "^  \\[1:1\\] : 0x1\tCommand Effects Log Page Supported$");
        hasLine(h, "^ \\[15:0\\] : 70 °C \\(343 K, 158 °F\\)\tWarning Composite Temperature Threshold \\(WCTEMP\\)$");
        hasLine(h, "^  \\[0:0\\] : 0x1\tCrypto Erase Sanitize Operation Supported$");

        NvmeCliRun j = ok("id-ctrl", "/dev/nvme0", "-o", "json");
        assertTrue(j.out().contains("\"sn\":\"NVMEKIT0001         \""), j.out());
        assertTrue(j.out().contains("\"nn\":4,"), j.out());
        assertTrue(j.out().contains("\"vid\":7453,"), j.out());
        assertTrue(j.out().contains("\"psds\":["), j.out());
        assertTrue(j.out().contains("\"oacs\":10,") && j.out().contains("\"tnvmcap\":268435456,"), j.out());
        assertTrue(j.out().contains("\"emerg_power_fail_vault_scale\":0"), j.out());
    }

    @Test
    void idNsListAndListNsShowTheOneNamespace() {
        NvmeCliRun r = ok("id-ns", "/dev/nvme0n1");
        assertTrue(r.out().startsWith("NVME Identify Namespace 1:\n"), r.out());
        hasLine(r, "^nsze    : 0x20000$");
        hasLine(r, "^nlbaf   : 1$");
        hasLine(r, "^lbaf  0 : ms:0   lbads:9  rp:0 \\(in use\\)$");
        hasLine(r, "^lbaf  1 : ms:0   lbads:12 rp:0 $"); // nvme-cli leaves the blank before "(in use)"
        hasLine(r, "^nsattr\t: 0$");
        hasLine(r, "^kpios   : 0\nnulbaf  : 0\nkpiodaag: 0$");
        assertTrue(ok("id-ns", "/dev/nvme0", "-n", "1", "-o", "json").out().contains("\"nsze\":131072,"));
        NvmeCliRun nh = ok("id-ns", "/dev/nvme0n1", "-H");
        hasLine(nh, "^nsze    : 0x20000\tTotal size in logical blocks$");
        hasLine(nh, "^  \\[2:0\\] : 0x1\tBytes Read From a Deallocated Logical Block and its Metadata are 0x00$");
        hasLine(nh, "^  \\[3:3\\] : 0x1\tDeallocate Bit in the Write Zeroes Command is Supported$");
        hasLine(nh, "^LBA Format  0 : Metadata Size: 0   bytes - Data Size: 512 bytes - Relative Performance: 0 Best \\(in use\\)$");

        NvmeCliRun listNs = ok("list-ns", "/dev/nvme0");
        assertEquals("NVME Namespace List:\n[   0]:0x1\n", listNs.out());
        assertTrue(ok("list-ns", "/dev/nvme0", "-o", "json").out().contains("\"nsid\":1"));

        NvmeCliRun list = ok("list");
        hasLine(list, "^Node {18}Generic {15}SN {19}Model {36}Namespace  Usage {22}Format {11}FW Rev  $");
        hasLine(list, "^-{21} -{21} -{20} -{40} -{10} -{26} -{16} -{8}$");
        hasLine(list, "^/dev/nvme0n1 +/dev/ng0n1 +NVMEKIT0001 +nvmekit simulated SSD +0x1 .* 67\\.11  MB +512   B \\+  0 B +1\\.0");
        NvmeCliRun lj = ok("list", "-o", "json");
        assertTrue(lj.out().contains("\"DevicePath\":\"/dev/nvme0n1\"") && lj.out().contains("\"PhysicalSize\":67108864"), lj.out());

        NvmeCliRun d = ok("ns-descs", "/dev/nvme0n1");
        hasLine(d, "^NVME Namespace Identification Descriptors NS 1:$");
        hasLine(d, "^nguid   : [0-9a-f]{32}$");
        hasLine(d, "^csi     : 0$");
    }

    @Test
    void showRegsDecodesBar0() {
        NvmeCliRun r = ok("show-regs", "/dev/nvme0", "-H");
        hasLine(r, "^version : 0x10400$");
        hasLine(r, "^crto    : 0\npmrcap  : 0$");
        hasLine(r, "^\tNVMe specification 1\\.4$");
        hasLine(r, "^\tEnable +\\(EN\\): Yes$");
        hasLine(r, "^\tReady +\\(RDY\\): Yes$");
        hasLine(r, "^\tI/O Submission Queue Entry Size \\(IOSQES\\): 64 bytes$");
        hasLine(r, "^\tMaximum Queue Entries Supported +\\(MQES\\): 64$");
        hasLine(r, "^\tAdmin Submission Queue Size \\(ASQS\\): 32$");
        NvmeCliRun j = ok("show-regs", "/dev/nvme0", "-o", "json");
        assertTrue(j.out().contains("\"csts\":1,") && j.out().contains("\"vs\":66560,"), j.out());
    }

    @Test
    void smartLogCountsHostWrites() throws Exception {
        long before = jsonNumber(ok("smart-log", "/dev/nvme0", "-o", "json").out(), "host_write_commands");
        java.nio.file.Path data = java.nio.file.Files.createTempFile("smart", ".bin");
        ok("write", "/dev/nvme0n1", "-s", "500", "-c", "3", "-d", data.toString());
        java.nio.file.Files.delete(data);
        NvmeCliRun r = ok("smart-log", "/dev/nvme0");
        hasLine(r, "^Smart Log for NVME device:nvme0 namespace-id:ffffffff$");
        hasLine(r, "^temperature\t+: 40 °C \\(313 K, 104 °F\\)$");
        hasLine(r, "^available_spare\t+: 100%$");
        hasLine(r, "^power_cycles\t+: 1$");
        hasLine(r, "^host_write_commands\t+: " + (before + 1) + "$");
    }

    @Test
    void aFailedCommandPrintsTheStatusStringExitsOneAndIsInTheErrorLog() {
        NvmeCliRun r = NvmeCliRun.on(device, "get-feature", "/dev/nvme0", "-f", "0x99");
        assertEquals(1, r.code(), r.toString());
        assertEquals("NVMe status: Invalid Field in Command: A reserved coded value or an unsupported value in a defined field(0x4002)\n", r.err());
        NvmeCliRun j = NvmeCliRun.on(device, "get-feature", "/dev/nvme0", "-f", "0x99", "-o", "json");
        assertEquals(1, j.code(), j.toString());
        assertTrue(j.out().contains("\"status: 16386\":[") && j.out().contains("\"type\":\"nvme\""), j.out());

        NvmeCliRun log = ok("error-log", "/dev/nvme0", "-e", "1");
        hasLine(log, "^Error Log Entries for device:nvme0 entries:1$");
        hasLine(log, "^status_field\t: 0x4002 \\(Invalid Field in Command: A reserved coded value");
        hasLine(log, "^trtype\t\t: 0 \\(The transport type is not indicated or the error is not transport related\\)$");
        hasLine(log, "^csi\t\t: 0\nopcode\t\t: ");
        hasLine(log, "^log_page_version: 0$");
        hasLine(log, "^sqid\t\t: 0$");
        assertTrue(ok("error-log", "/dev/nvme0", "-e", "1", "-o", "json").out().contains("\"status_field\":16386,"));
    }

    @Test
    void firmwareAndEffectsLogs() {
        NvmeCliRun fw = ok("fw-log", "/dev/nvme0");
        hasLine(fw, "^Firmware Log for device:nvme0$");
        hasLine(fw, "^afi  : 0x1$");
        hasLine(fw, "^frs1 : 0x2020202020302e31 \\(1\\.0\\.\\.\\.\\.\\.\\)$"); // blanks print as dots
        assertTrue(ok("fw-log", "/dev/nvme0", "-o", "json").out().contains("\"nvme0\":{\n    \"Active Firmware Slot (afi)\":1,"));
        NvmeCliRun fx = ok("effects-log", "/dev/nvme0");
        assertTrue(fx.out().startsWith("NVM Command Set Log Page\n" + "-".repeat(80) + "\nAdmin Commands\n"), fx.out());
        hasLine(fx, "^ACS6     \\[Identify {24}\\] 00000001$");
        hasLine(fx, "^ACS13    \\[Namespace Management {12}\\] 0000000d$");
        hasLine(fx, "^I/O Commands$");
        hasLine(fx, "^IOCS1    \\[Write {27}\\] 00000003$");
        hasLine(ok("effects-log", "/dev/nvme0", "-H"), "^IOCS1    \\[Write {27}\\] 00000003  CSUPP\\+  LBCC\\+  NCC-  NIC-  CCC-  USS-  No CSER defined$");
        String json = ok("effects-log", "/dev/nvme0", "-o", "json").out();
        assertTrue(json.startsWith("[\n  {\n    \"command_set_identifier\":0,"), json);
        assertTrue(json.contains("\"IOCS_5 (Compare)\":1"), json);
        assertEquals(2, NvmeCliRun.on(device, "effects-log", "/dev/nvme0n1").code());
    }

    @Test
    void setFeatureThenGetFeatureReadsItBack() {
        NvmeCliRun set = ok("set-feature", "/dev/nvme0", "-f", "8", "-V", "0x0105");
        assertEquals("set-feature:0x08 (Interrupt Coalescing), value:0x00000105, cdw12:00000000, save:0\n", set.out());
        NvmeCliRun get = ok("get-feature", "/dev/nvme0", "-f", "0x08", "-H");
        hasLine(get, "^get-feature:0x08 \\(Interrupt Coalescing\\), Current value:0x00000105$");
        hasLine(get, "^\tAggregation Time     \\(TIME\\): 100 usec$");
        hasLine(get, "^\tAggregation Threshold \\(THR\\): 6$");
        NvmeCliRun ts = ok("get-feature", "/dev/nvme0", "-f", "0xe", "-H");
        hasLine(ts, "^\tThe timestamp is : \\d+ \\(\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4} \\S+\\)$");
        hasLine(ts, "^\tThe Timestamp field was initialized with a Timestamp value using a Set Features command\\.$");
        hasLine(ok("get-feature", "/dev/nvme0", "-f", "4", "-H"), "^\tTemperature Threshold +\\(TMPTH\\): 70 °C \\(343 K, 158 °F\\)$");
        String json = ok("get-feature", "/dev/nvme0", "-f", "8", "-o", "json").out();
        assertTrue(json.contains("\"feature: 0x08\":[\n    {\n      \"name\":\"Interrupt Coalescing\",\n      \"Current\":\"0x00000105\""), json);
        assertTrue(json.contains("\"Aggregation Threshold (THR)\":6"), json);
    }

    @Test
    void adminAndIoPassthru() throws Exception {
        NvmeCliRun id = ok("admin-passthru", "/dev/nvme0", "--opcode=0x06", "--cdw10=1", "--data-len=4096", "--read");
        assertEquals("Admin Command Identify is Success and result: 0x00000000\n", id.err());
        hasLine(id, "^0000: 1d 1d 1d 1d 4e 56 4d 45 4b 49 54 30 30 30 31 20 \"\\.\\.\\.\\.NVMEKIT0001\\.\"$");

        java.nio.file.Path data = java.nio.file.Files.createTempFile("passthru", ".bin");
        byte[] block = new byte[512];
        for (int i = 0; i < block.length; i++) block[i] = (byte) (i * 7 + 3);
        java.nio.file.Files.write(data, block);
        ok("io-passthru", "/dev/nvme0n1", "-O", "1", "--cdw10=700", "-l", "512", "-w", "-i", data.toString());
        NvmeCliRun back = ok("io-passthru", "/dev/nvme0n1", "-O", "2", "--cdw10=700", "-l", "512", "-r");
        hasLine(back, "^0000: 03 0a 11 18 1f 26 2d 34 3b 42 49 50 57 5e 65 6c ");
        NvmeCliRun dry = ok("io-passthru", "/dev/nvme0n1", "-O", "2", "--cdw10=700", "-l", "512", "-r", "--dry-run");
        hasLine(dry, "^opcode       : 02$");
        hasLine(dry, "^cdw10        : 000002bc$");
        java.nio.file.Files.delete(data);
    }

    static long jsonNumber(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(\\d+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Long.parseLong(m.group(1));
    }
}
