package dev.nvmekit.sim.vcd;

/** The writer's state of one identifier code (aliases share one): its value now and the one pending for this time. */
final class IdentifierState {
    final int width;
    String code;
    String current;
    String pending;

    IdentifierState(int width) {
        this.width = width;
    }
}
