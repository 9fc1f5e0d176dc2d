package dev.nvmekit.testbench.cli.nvme;

/**
 * The names nvme-cli 2.16 gives opcodes and features ({@code nvme_cmd_to_string},
 * {@code nvme_feature_to_string}), which differ here and there from the spec titles the
 * testbench's enums carry ("Async Event Configuration", "Doorbell Buffer Config", ...).
 */
final class NvmeCliNames {
    private NvmeCliNames() {
    }

    /** An admin ({@code admin}) or NVM I/O opcode's name, "Unknown" for others. */
    static String command(boolean admin, int opcode) {
        if (admin) {
            return switch (opcode) {
                case 0x00 -> "Delete I/O Submission Queue";
                case 0x01 -> "Create I/O Submission Queue";
                case 0x02 -> "Get Log Page";
                case 0x04 -> "Delete I/O Completion Queue";
                case 0x05 -> "Create I/O Completion Queue";
                case 0x06 -> "Identify";
                case 0x08 -> "Abort";
                case 0x09 -> "Set Features";
                case 0x0a -> "Get Features";
                case 0x0c -> "Asynchronous Event Request";
                case 0x0d -> "Namespace Management";
                case 0x10 -> "Firmware Commit";
                case 0x11 -> "Firmware Image Download";
                case 0x14 -> "Device Self-test";
                case 0x15 -> "Namespace Attachment";
                case 0x18 -> "Keep Alive";
                case 0x19 -> "Directive Send";
                case 0x1a -> "Directive Receive";
                case 0x1c -> "Virtualization Management";
                case 0x1d -> "NVMe-MI Send";
                case 0x1e -> "NVMe-MI Receive";
                case 0x20 -> "Capacity Management";
                case 0x21 -> "Discovery Information Management (DIM)";
                case 0x22 -> "Fabric Zoning Receive";
                case 0x24 -> "Lockdown";
                case 0x25 -> "Fabric Zoning Lookup";
                case 0x28 -> "Clear Exported NVM Resource Configuration";
                case 0x29 -> "Fabric Zoning Send";
                case 0x2a -> "Create Exported NVM Subsystem";
                case 0x2d -> "Manage Exported NVM Subsystem";
                case 0x31 -> "Manage Exported Namespace";
                case 0x35 -> "Manage Exported Port";
                case 0x39 -> "Send Discovery Log Page";
                case 0x3d -> "Track Send";
                case 0x3e -> "Track Receive";
                case 0x41 -> "Migration Send";
                case 0x42 -> "Migration Receive";
                case 0x45 -> "Controller Data Queue";
                case 0x7c -> "Doorbell Buffer Config";
                case 0x7f -> "Fabrics Commands";
                case 0x80 -> "Format NVM";
                case 0x81 -> "Security Send";
                case 0x82 -> "Security Receive";
                case 0x84 -> "Sanitize";
                case 0x85 -> "Load Program";
                case 0x86 -> "Get LBA Status";
                case 0x88 -> "Program Activation Management";
                case 0x89 -> "Memory Range Set Management";
                default -> "Unknown";
            };
        }
        return switch (opcode) {
            case 0x00 -> "Flush";
            case 0x01 -> "Write";
            case 0x02 -> "Read";
            case 0x04 -> "Write Uncorrectable";
            case 0x05 -> "Compare";
            case 0x08 -> "Write Zeroes";
            case 0x09 -> "Dataset Management";
            case 0x0c -> "Verify";
            case 0x0d -> "Reservation Register";
            case 0x0e -> "Reservation Report";
            case 0x11 -> "Reservation Acquire";
            case 0x15 -> "Reservation Release";
            case 0x18 -> "Cancel";
            case 0x19 -> "Copy";
            case 0x79 -> "Zone Management Send";
            case 0x7a -> "Zone Management Receive";
            case 0x7d -> "Zone Append";
            default -> "Unknown";
        };
    }

    /** A feature identifier's name. */
    static String feature(int fid) {
        return switch (fid) {
            case 0x01 -> "Arbitration";
            case 0x02 -> "Power Management";
            case 0x03 -> "LBA Range Type";
            case 0x04 -> "Temperature Threshold";
            case 0x05 -> "Error Recovery";
            case 0x06 -> "Volatile Write Cache";
            case 0x07 -> "Number of Queues";
            case 0x08 -> "Interrupt Coalescing";
            case 0x09 -> "Interrupt Vector Configuration";
            case 0x0a -> "Write Atomicity Normal";
            case 0x0b -> "Async Event Configuration";
            case 0x0c -> "Autonomous Power State Transition";
            case 0x0d -> "Host Memory Buffer";
            case 0x0e -> "Timestamp";
            case 0x0f -> "Keep Alive Timer";
            case 0x10 -> "Host Controlled Thermal Management";
            case 0x11 -> "Non-Operational Power State Config";
            case 0x12 -> "Read Recovery Level";
            case 0x13 -> "Predictable Latency Mode Config";
            case 0x14 -> "Predictable Latency Mode Window";
            case 0x15 -> "LBA Status Interval";
            case 0x16 -> "Host Behavior";
            case 0x17 -> "Sanitize";
            case 0x18 -> "Endurance Event Group Configuration";
            case 0x19 -> "I/O Command Set Profile";
            case 0x1a -> "Spinup Control";
            case 0x1b -> "Power Loss Signaling Config";
            case 0x1c -> "Performance Characteristics";
            case 0x1d -> "Flexible Direct Placement";
            case 0x1e -> "Flexible Direct Placement Events";
            case 0x1f -> "Namespace Admin Label";
            case 0x20 -> "Key Value Configuration";
            case 0x21 -> "Controller Data Queue";
            case 0x78 -> "Embedded Management Controller Address";
            case 0x79 -> "Host Management Agent Address";
            case 0x7d -> "Enhanced Controller Metadata";
            case 0x7e -> "Controller Metadata";
            case 0x7f -> "Namespace Metadata";
            case 0x80 -> "Software Progress";
            case 0x81 -> "Host Identifier";
            case 0x82 -> "Reservation Notification Mask";
            case 0x83 -> "Reservation Persistence";
            case 0x84 -> "Namespace Write Protect";
            case 0x85 -> "Boot Partition Write Protection Config";
            default -> "Unknown";
        };
    }
}
