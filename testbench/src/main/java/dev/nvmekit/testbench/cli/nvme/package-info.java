/**
 * {@code nvmekit nvme}: the commands of nvme-cli against the simulated SSD — the NVMe front-end
 * RTL on the embedded simulator with the firmware back end and the Linux-like host driver — for
 * people who know nvme-cli and want to poke the design the way they would poke a drive.
 *
 * <p>Modelling choices: every subcommand is a passthrough command built here, as nvme-cli builds
 * them for the kernel's ioctls (admin commands on the admin queue, I/O on the first I/O queue,
 * data buffers mapped with PRPs). Output follows nvme-cli 2.16 with libnvme 1.16 — field names,
 * order and number formats, {@code -o json} keys, {@code -H} decoding, {@code -b} raw bytes — as
 * in the C locale; a failed command prints libnvme's status text
 * ({@code NVMe status: <name>: <description>(0x....)}) and exits 1, a bad command line prints one
 * line and exits 2. A standalone invocation boots a device of its own, so the device is small (two
 * I/O queues) to boot in about a second; {@code --media FILE} carries the media between
 * invocations, and {@code nvme scenario} runs many lines on one device.
 */
package dev.nvmekit.testbench.cli.nvme;
