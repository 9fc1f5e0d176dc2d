package dev.nvmekit.testbench.nvme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class StatusCodeTest {

    @Test
    void nvmeCliFormatIncludesDnrInTheHex() {
        // nvme-cli: fprintf(stderr, "NVMe status: %s(%#x)\n", ..., val) with val the 15-bit field.
        assertEquals("Invalid Field in Command(0x4002)",
                StatusCode.INVALID_FIELD_IN_COMMAND.doNotRetry().toNvmeCliString());
        assertEquals("Invalid Field in Command(0x2)",
                StatusCode.INVALID_FIELD_IN_COMMAND.retryable().toNvmeCliString());
        assertEquals("Invalid Queue Identifier(0x4101)",
                StatusCode.INVALID_QUEUE_IDENTIFIER.doNotRetry().toNvmeCliString());
        assertEquals("Successful Completion(0)", CompletionStatus.SUCCESS.toNvmeCliString());
        assertEquals("Unrecovered Read Error(0x281)", StatusCode.UNRECOVERED_READ_ERROR.retryable().toString());
        assertEquals("unrecognized(0x40fe)", new CompletionStatus(0, 0xFE, 0, false, true).toNvmeCliString());
        assertEquals("Unknown status(0x4fe)", new CompletionStatus(4, 0xFE, 0, false, false).toNvmeCliString());
        assertEquals("Vendor Specific Status(0x701)", new CompletionStatus(7, 1, 0, false, false).toNvmeCliString());
    }

    @Test
    void fieldLayoutMatchesTheFrontEndPort() {
        // cpl_status: SC [7:0], SCT [10:8], CRD [12:11], M [13], DNR [14]
        var s = new CompletionStatus(1, 0x0C, 2, true, true);
        assertEquals(0x0C | 1 << 8 | 2 << 11 | 1 << 13 | 1 << 14, s.toField());
        assertEquals(StatusCode.INVALID_QUEUE_DELETION, s.code().orElseThrow());
        assertTrue(s.is(StatusCode.INVALID_QUEUE_DELETION));
    }

    @Property(tries = 300)
    void fieldRoundTrips(@ForAll @IntRange(max = 0x7FFF) int field) {
        assertEquals(field, CompletionStatus.fromField(field).toField());
    }

    @Test
    void codesAreUniquePerType() {
        Set<Integer> keys = new HashSet<>();
        for (StatusCode c : StatusCode.values()) {
            assertTrue(keys.add(c.type().value() << 8 | c.value()), c.name());
            assertEquals(c, StatusCode.of(c.type().value(), c.value()).orElseThrow());
        }
        assertEquals(0x13, StatusCode.PRP_OFFSET_INVALID.value());
        assertEquals(0x80, StatusCode.LBA_OUT_OF_RANGE.value());
        assertEquals(StatusCodeType.PATH_RELATED, StatusCode.HOST_PATHING_ERROR.type());
        assertEquals(0x70, StatusCode.HOST_PATHING_ERROR.value());
    }

    @Test
    void opcodes() {
        assertEquals(0x06, AdminOpcode.IDENTIFY.value());
        assertEquals(AdminOpcode.CREATE_IO_COMPLETION_QUEUE, AdminOpcode.of(0x05).orElseThrow());
        assertEquals(0x02, NvmOpcode.READ.value());
        assertEquals(0b10, NvmOpcode.READ.dataTransferDirection());
        assertEquals(0b01, NvmOpcode.WRITE.dataTransferDirection());
        assertEquals("Get Log Page", AdminOpcode.GET_LOG_PAGE.title());
        assertTrue(NvmOpcode.of(0x03).isEmpty());
    }
}
