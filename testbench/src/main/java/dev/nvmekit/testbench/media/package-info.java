/**
 * The flash behind the firmware: {@link dev.nvmekit.testbench.media.MediaStore} holds namespaces
 * and their blocks (sparse; persists across controller resets, saved to and loaded from a file),
 * {@link dev.nvmekit.testbench.media.ChannelScheduler} gives read, program and erase operations
 * their latency on parallel channels, and {@link dev.nvmekit.testbench.media.Media} puts the two
 * together. Data is lost only where the firmware says: Format NVM, Sanitize, deallocation.
 */
package dev.nvmekit.testbench.media;
