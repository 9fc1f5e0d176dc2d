/**
 * The firmware half of a simulated SSD: executes the commands the NVMe front end fetches and
 * answers on its back-end ports.
 *
 * <ul>
 *   <li>{@link dev.nvmekit.testbench.firmware.FirmwareConfig} — what the drive is (identity,
 *       namespaces and LBA formats, limits, speed, media timing);</li>
 *   <li>{@link dev.nvmekit.testbench.firmware.CommandProcessor} — the command execution core,
 *       usable without a simulator: submit SQEs, advance time, take completions; queue
 *       management goes out through {@link dev.nvmekit.testbench.firmware.QueueManagement};</li>
 *   <li>{@link dev.nvmekit.testbench.firmware.FirmwareBackEnd} — the cycle agent that connects the
 *       processor to {@code cmd_}, {@code cpl_}, {@code qm_}, {@code aer_} and {@code ctrl_}
 *       (shared/spec/nvme-frontend-ports.md);</li>
 *   <li>{@link dev.nvmekit.testbench.firmware.DmaFault} — which firmware DMAs fail, for Data
 *       Transfer Error cases.</li>
 * </ul>
 *
 * <h2>Modelling choices</h2>
 * <ul>
 *   <li>Data moves between host memory and media when a command starts; the completion waits for
 *       the media time ({@link dev.nvmekit.testbench.media.ChannelScheduler}). Admin commands start
 *       ahead of queued I/O. Abort reaches commands still queued and outstanding AERs.</li>
 *   <li>Error status events (the front end's doorbell errors) cannot be disabled (NVMe 2.0, 5.27.1.7);
 *       SMART / Health temperature events and Namespace Attribute Notices follow Feature 0Bh. An
 *       event type, once reported, waits for its log page to be read with RAE clear.</li>
 *   <li>Format NVM and Sanitize change the data at once; Format completes when the media has
 *       erased, Sanitize completes at once and blocks I/O and most admin commands until done,
 *       then raises the "Sanitize Operation Completed" event (type 6h, information 01h).</li>
 *   <li>No feature is saveable; Get Features with SEL 2 (saved) returns the default.</li>
 *   <li>{@code ctrl_fatal}, once raised, holds until the controller is reset ({@code ctrl_enabled}
 *       falls). On that reset the completion being offered on {@code cpl_} is withdrawn without a
 *       transfer, because the queue it belonged to no longer exists.</li>
 * </ul>
 */
package dev.nvmekit.testbench.firmware;
