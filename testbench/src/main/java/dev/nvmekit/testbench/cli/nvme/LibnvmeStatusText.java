package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.testbench.nvme.CompletionStatus;

import java.util.HashMap;
import java.util.Map;

/**
 * The text libnvme's {@code nvme_status_to_string} gives a status (libnvme 1.16, the library of
 * nvme-cli 2.16): the spec name, ": ", and a one-sentence description. nvme-cli prints it as
 * {@code NVMe status: <text>(<%#x of the 15-bit status field>)}, e.g.
 * {@code NVMe status: Invalid Field in Command: A reserved coded value or an unsupported value in a defined field(0x4002)}.
 *
 * <p>As in libnvme, a command specific SC below 3Ch is looked up among the admin command specific
 * codes and a higher one among the NVM command set's; a code with no entry in its table is
 * "unrecognized", a reserved SCT "Unknown status".
 */
final class LibnvmeStatusText {
    /** libnvme's cmd_spec_status table has 3Ch entries; SCs from there on are NVM command set specific. */
    private static final int COMMAND_SPECIFIC_TABLE_SIZE = 0x3C;
    /** A key space of its own for the NVM command set's command specific codes. */
    private static final int NVM_SPECIFIC = 8;

    /** "SCT SC text" per line; SCT N is the NVM command set's command specific table. */
    private static final String TABLE = """
            0 00 Successful Completion: The command completed without error
            0 01 Invalid Command Opcode: A reserved coded value or an unsupported value in the command opcode field
            0 02 Invalid Field in Command: A reserved coded value or an unsupported value in a defined field
            0 03 Command ID Conflict: The command identifier is already in use
            0 04 Data Transfer Error: Transferring the data or metadata associated with a command experienced an error
            0 05 Commands Aborted due to Power Loss Notification: Indicates that the command was aborted due to a power loss notification
            0 06 Internal Error: The command was not completed successfully due to an internal error
            0 07 Command Abort Requested: The command was aborted due to an Abort command
            0 08 Command Aborted due to SQ Deletion: The command was aborted due to a Delete I/O Submission Queue
            0 09 Command Aborted due to Failed Fused Command: The command was aborted due to the other command in a fused operation failing
            0 0a Command Aborted due to Missing Fused Command: The fused command was aborted due to the adjacent submission queue entry not containing a fused command
            0 0b Invalid Namespace or Format: The namespace or the format of that namespace is invalid
            0 0c Command Sequence Error: The command was aborted due to a protocol violation in a multi- command sequence
            0 0d Invalid SGL Segment Descriptor: The command includes an invalid SGL Last Segment or SGL Segment descriptor
            0 0e Invalid Number of SGL Descriptors: There is an SGL Last Segment descriptor or an SGL Segment descriptor in a location other than the last descriptor of a segment based on the length indicated
            0 0f Data SGL Length Invalid: The length of a Data SGL is too short or too long and the controller does not support SGL transfers longer than the amount of data to be transferred
            0 10 Metadata SGL Length Invalid: The length of a Metadata SGL is too short or too long and the controller does not support SGL transfers longer than the amount of data to be transferred
            0 11 SGL Descriptor Type Invalid: The type of an SGL Descriptor is a type that is not supported by the controller
            0 12 Invalid Use of Controller Memory Buffer: The attempted use of the Controller Memory Buffer is not supported by the controller
            0 13 PRP Offset Invalid: The Offset field for a PRP entry is invalid
            0 14 Atomic Write Unit Exceeded: The length specified exceeds the atomic write unit size
            0 15 Operation Denied: The command was denied due to lack of access rights
            0 16 SGL Offset Invalid: The offset specified in a descriptor is invalid
            0 18 Host Identifier Inconsistent Format: The NVM subsystem detected the simultaneous use of 64- bit and 128-bit Host Identifier values on different controllers
            0 19 Keep Alive Timer Expired: The Keep Alive Timer expired
            0 1a Keep Alive Timeout Invalid: The Keep Alive Timeout value specified is invalid
            0 1b Command Aborted due to Preempt and Abort: The command was aborted due to a Reservation Acquire command
            0 1c Sanitize Failed: The most recent sanitize operation failed and no recovery action has been successfully completed
            0 1d Sanitize In Progress: The requested function is prohibited while a sanitize operation is in progress
            0 1e SGL Data Block Granularity Invalid: The Address alignment or Length granularity for an SGL Data Block descriptor is invalid
            0 1f Command Not Supported for Queue in CMB: The controller does not support Submission Queue in the Controller Memory Buffer or Completion Queue in the Controller Memory Buffer
            0 20 Namespace is Write Protected: The command is prohibited while the namespace is write protected
            0 21 Command Interrupted: Command processing was interrupted and the controller is unable to successfully complete the command
            0 22 Transient Transport Error: A transient transport error was detected
            0 23 Command Prohibited by Command and Feature Lockdown: The command was aborted due to command execution being prohibited by the Command and Feature Lockdown
            0 24 Admin Command Media Not Ready: The Admin command requires access to media and the media is not ready
            0 25 The command was aborted due to an invalid KEYTAG field value
            0 26 The command is prohibited while the Host Disperesed Namespace Support (HDISNS) field is not set to 1h in the Host Behavior Support feature
            0 27 Host Identifier Not Initialized
            0 28 The command was aborted due to the key associated with the KEYTAG field being incorrect
            0 80 LBA Out of Range: The command references an LBA that exceeds the size of the namespace
            0 81 Capacity Exceeded: Execution of the command has caused the capacity of the namespace to be exceeded
            0 82 Namespace Not Ready: The namespace is not ready to be accessed
            0 83 Reservation Conflict: The command was aborted due to a conflict with a reservation held on the accessed namespace
            0 84 Format In Progress: A Format NVM command is in progress on the namespace
            0 85 The value size is not valid
            0 86 The KV key size is not valid
            0 87 The Store If Key Exists (SIKE) bit is set to '1' in the Store Option field and the KV key does not exists
            0 88 There was an unrecovered error when reading from the medium
            0 89 The Store If No Key Exists (SINKE) bit is set to '1' in the Store Option field and the KV key exists
            1 00 Completion Queue Invalid: The Completion Queue identifier specified in the command does not exist
            1 01 Invalid Queue Identifier: The creation of the I/O Completion Queue failed due to an invalid queue identifier specified as part of the command
            1 02 Invalid Queue Size: The host attempted to create an I/O Completion Queue with an invalid number of entries
            1 03 Abort Command Limit Exceeded: The number of concurrently outstanding Abort commands has exceeded the limit indicated in the Identify Controller data structure
            1 04 Abort Command Is Missing: The abort command is missing
            1 05 Asynchronous Event Request Limit Exceeded: The number of concurrently outstanding Asynchronous Event Request commands has been exceeded
            1 06 Invalid Firmware Slot: The firmware slot indicated is invalid or read only
            1 07 Invalid Firmware Image: The firmware image specified for activation is invalid and not loaded by the controller
            1 08 Invalid Interrupt Vector: The creation of the I/O Completion Queue failed due to an invalid interrupt vector specified as part of the command
            1 09 Invalid Log Page: The log page indicated is invalid
            1 0a Invalid Format: The LBA Format specified is not supported
            1 0b Firmware Activation Requires Conventional Reset: The firmware commit was successful, however, activation of the firmware image requires a conventional reset
            1 0c Invalid Queue Deletion: Invalid I/O Completion Queue specified to delete
            1 0d Feature Identifier Not Saveable: The Feature Identifier specified does not support a saveable value
            1 0e Feature Not Changeable: The Feature Identifier is not able to be changed
            1 0f Feature Not Namespace Specific: The Feature Identifier specified is not namespace specific
            1 10 Firmware Activation Requires NVM Subsystem Reset: The firmware commit was successful, however, activation of the firmware image requires an NVM Subsystem
            1 11 Firmware Activation Requires Controller Level Reset: The firmware commit was successful; however, the image specified does not support being activated without a reset
            1 12 Firmware Activation Requires Maximum Time Violation: The image specified if activated immediately would exceed the Maximum Time for Firmware Activation (MTFA) value reported in Identify Controller
            1 13 Firmware Activation Prohibited: The image specified is being prohibited from activation by the controller for vendor specific reasons
            1 14 Overlapping Range: The downloaded firmware image has overlapping ranges
            1 15 Namespace Insufficient Capacity: Creating the namespace requires more free space than is currently available
            1 16 Namespace Identifier Unavailable: The number of namespaces supported has been exceeded
            1 18 Namespace Already Attached: The controller is already attached to the namespace specified
            1 19 Namespace Is Private: The namespace is private and is already attached to one controller
            1 1a Namespace Not Attached: The request to detach the controller could not be completed because the controller is not attached to the namespace
            1 1b Thin Provisioning Not Supported: Thin provisioning is not supported by the controller
            1 1c Controller List Invalid: The controller list provided contains invalid controller ids
            1 1d Device Self-test In Progress: The controller or NVM subsystem already has a device self-test operation in process
            1 1e Boot Partition Write Prohibited: The command tried to modify a locked Boot Partition
            1 1f Invalid Controller Identifier: An invalid controller id was specified
            1 20 Invalid Secondary Controller State: The requested secondary controller action is invalid based on the secondary and primary controllers current states
            1 21 Invalid Number of Controller Resources: The specified number of Flexible Resources is invalid
            1 22 Invalid Resource Identifier: At least one of the specified resource identifiers was invalid
            1 23 Sanitize Prohibited While Persistent Memory Region is Enabled
            1 24 ANA Group Identifier Invalid: The specified ANA Group Identifier (ANAGRPID) is not supported in the submitted command
            1 25 ANA Attach Failed: The controller is not attached to the namespace as a result of an ANA condition
            1 26 Insufficient Capacity: Requested operation requires more free space than is currently available
            1 27 Namespace Attachment Limit Exceeded: Attaching the ns to a controller causes max number of ns attachments allowed to be exceeded
            1 28 Prohibition of Command Execution Not Supported
            1 29 The I/O command set is not supported
            1 2a The I/O command set is not enabled
            1 2b The I/O command set combination is rejected
            1 2c The I/O command set is invalid
            1 2d Identifier Unavailable: The number of Endurance Groups or NVM Sets supported has been exceeded
            1 2f Discovery Info Entry not applicable to selected entity
            1 30 The requested Zoning data structure is locked on the CDC
            1 31 The requested Zoning data structure does not exist on the CDC
            1 32 Discovery Info entries exceed Discovery Controller's capacity
            1 33 Fabric Zoning is not enabled on the CDC
            1 34 The NQN contained in the ZoneGroup Originator field does not match the Host NQN used by the DDC to connect to the CDC
            1 37 Invalid Controller Data Queue
            1 38 Not Enough Resources
            1 39 Controller Suspended: Operation failed because the controller is currently in a suspended state
            1 3a Controller Not Suspended: Operation failed because the controller is not in a suspended state
            1 3b Controller Data Queue Full
            N 80 Conflicting Attributes: The attributes specified in the command are conflicting
            N 81 Invalid Protection Information: The command's Protection Information Field settings are invalid for the namespace's Protection Information format
            N 82 Attempted Write to Read Only Range: The LBA range specified contains read-only blocks
            N 83 Command Size Limit Exceeded
            N 85 Incompatible Namespace or Format
            N 86 Fast Copy Not Possible
            N 87 Overlapping I/O Range
            N 89 Insufficient Resources
            N b6 Invalid Zone Operation Request: The operation requested is invalid
            N b7 ZRWA Resources Unavailable: No ZRWAs are available
            N b8 Zoned Boundary Error: Invalid Zone Boundary crossing
            N b9 Zone Is Full: The accessed zone is in ZSF:Full state
            N ba Zone Is Read Only: The accessed zone is in ZSRO:Read Only state
            N bb Zone Is Offline: The access zone is in ZSO:Offline state
            N bc Zone Invalid Write: The write to zone was not at the write pointer offset
            N bd Too Many Active Zones: The controller does not allow additional active zones
            N be Too Many Open Zones: The controller does not allow additional open zones
            N bf Invalid Zone State Transition: The request is not a valid zone state transition
            2 80 Write Fault: The write data could not be committed to the media
            2 81 Unrecovered Read Error: The read data could not be recovered from the media
            2 82 End-to-end Guard Check Error: The command was aborted due to an end-to-end guard check failure
            2 83 End-to-end Application Tag Check Error: The command was aborted due to an end-to-end application tag check failure
            2 84 End-to-end Reference Tag Check Error: The command was aborted due to an end-to-end reference tag check failure
            2 85 Compare Failure: The command failed due to a miscompare during a Compare command
            2 86 Access Denied: Access to the namespace and/or LBA range is denied due to lack of access rights
            2 87 Deallocated or Unwritten Logical Block: The command failed due to an attempt to read from or verify an LBA range containing a deallocated or unwritten logical block
            2 88 End-to-End Storage Tag Check Error: The command was aborted due to an end-to-end storage tag check failure
            3 00 Internal Path Error: An internal error specific to the controller processing the command prevented completion
            3 01 Asymmetric Access Persistent Loss: The controller is in a persistent loss state with the requested namespace
            3 02 Asymmetric Access Inaccessible: The controller is in an inaccessible state with the requested namespace
            3 03 Asymmetric Access Transition: The controller is currently transitioning states with the requested namespace
            3 60 Controller Pathing Error: A pathing error was detected by the controller
            3 70 Host Pathing Error: A pathing error was detected by the host
            3 71 Command Aborted By Host: The command was aborted as a result of host action
            """;

    private static final Map<Integer, String> TEXT = parse();

    private LibnvmeStatusText() {
    }

    private static Map<Integer, String> parse() {
        Map<Integer, String> m = new HashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] f = line.strip().split(" ", 3);
            int sct = f[0].equals("N") ? NVM_SPECIFIC : Integer.parseInt(f[0]);
            m.put(sct << 8 | Integer.parseInt(f[1], 16), f[2]);
        }
        return m;
    }

    /** libnvme's text for {@code status} (CRD, M and DNR only show in the hex, not here). */
    static String of(CompletionStatus status) {
        int sct = status.sct();
        int sc = status.sc();
        return switch (sct) {
            case 0, 2, 3 -> TEXT.getOrDefault(sct << 8 | sc, "unrecognized");
            case 1 -> TEXT.getOrDefault((sc < COMMAND_SPECIFIC_TABLE_SIZE ? 1 : NVM_SPECIFIC) << 8 | sc, "unrecognized");
            case 7 -> "Vendor Specific Status";
            default -> "Unknown status";
        };
    }

    /** C's {@code %#x} of the 15-bit status field, as nvme-cli prints it after the text. */
    static String hex(CompletionStatus status) {
        int field = status.toField();
        return field == 0 ? "0" : "0x" + Integer.toHexString(field);
    }

    /** nvme-cli's status line on stderr: {@code NVMe status: <text>(<hex>)}. */
    static String statusLine(CompletionStatus status) {
        return "NVMe status: " + of(status) + "(" + hex(status) + ")";
    }
}
