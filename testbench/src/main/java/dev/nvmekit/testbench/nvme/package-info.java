/**
 * The NVMe protocol vocabulary of the test bench, in plain Java with no simulator behind it:
 * BAR0 registers, queue entries, opcodes and status codes, Identify data, log pages, features,
 * and PRP/SGL data pointers with the host memory they live in.
 *
 * <p>Every byte offset and bit field follows the NVMe Base Specification 2.0, the NVM Command
 * Set Specification 1.0 and the NVMe over PCIe Transport Specification; host behaviour (PRP and
 * SGL construction, default register values) follows Linux drivers/nvme/host/pci.c and core.c.
 * Records encode with {@code encode()}/{@code build()} and decode with {@code decode()}/{@code parse()};
 * 512- and 128-bit bus words put byte 0 in bits 7:0, as the front end's {@code cmd_sqe} port does.
 *
 * <h2>Notes for readers of the design documents</h2>
 * <ul>
 *   <li><b>nvme-cli status text.</b> nvme-cli prints {@code NVMe status: <text>(<%#x of value>)}
 *       where the value is the 15-bit status field as Linux returns it from a passthrough command
 *       ({@code le16_to_cpu(cqe->status) >> 1}), so DNR (4000h), M (2000h) and CRD appear in the
 *       hex: Invalid Field in Command with DNR is {@code (0x4002)}. libnvme's text is the spec name
 *       followed by ": " and a description; {@link dev.nvmekit.testbench.nvme.CompletionStatus#toNvmeCliString()}
 *       gives the name and the hex only.</li>
 *   <li><b>PRP list sizes.</b> linux-host-facts.md lists "64 KiB → PRP list of 16 entries;
 *       512 KiB → 127 entries". With 4 KiB pages a page-aligned 64 KiB buffer needs PRP1 plus a
 *       list of 15, an unaligned one a list of 16; 512 KiB needs 127 aligned, 128 unaligned. The
 *       two figures therefore come from differently aligned buffers (or count PRP1 in the first);
 *       {@link dev.nvmekit.testbench.nvme.PrpBuilder} documents the arithmetic and PrpTest checks
 *       all four. A list only chains beyond 512 entries (2 MiB + 4 KiB aligned).</li>
 *   <li><b>Walker strictness.</b> {@link dev.nvmekit.testbench.nvme.PrpWalker} fails a PRP1 with
 *       bits 1:0 set (the spec allows failing or ignoring them) and requires a PRP list pointer to
 *       be qword aligned; {@link dev.nvmekit.testbench.nvme.SglWalker} does not check Identify
 *       SGLS support bits (bit bucket, alignment): its caller knows what the controller claims.</li>
 *   <li><b>Front-end contract.</b> The status encoding of {@code cpl_status}/{@code qm_rsp_status},
 *       the doorbell formulas and the asynchronous event information values in
 *       nvme-frontend-ports.md agree with the specification.</li>
 * </ul>
 */
package dev.nvmekit.testbench.nvme;
