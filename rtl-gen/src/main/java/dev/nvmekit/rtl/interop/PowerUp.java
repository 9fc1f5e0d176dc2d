package dev.nvmekit.rtl.interop;

/**
 * What an imported register or memory word holds at power-up when its Verilog gives it no
 * initial value. Verilog says {@code x}; Yosys may then restructure that state freely (it moves
 * an uninitialised address register into a memory read port, removes a flip-flop that never
 * changes), which is right for {@code x} but not for any one value a simulator picks. So the
 * choice is made before Yosys optimises, and the imported design is exact from power-up only
 * for what the choice defines.
 */
public enum PowerUp {
    /**
     * Verilog's meaning: undefined. Imported registers and memories without an initial value
     * get none in the IR, so the simulator's {@code InitPolicy} chooses (random state finds
     * logic that relies on a missing reset). Reading such state before it is written may then
     * differ, cycle for cycle, from another simulation of the same Verilog: both are correct
     * refinements of {@code x}.
     */
    UNDEFINED,
    /**
     * Every register and memory word without an initial value starts at zero, as FPGA
     * bitstreams load them and as the simulators' {@code InitPolicy.ZERO} runs a design: Yosys
     * is told ({@code setundef -zero -init}) before it optimises, and the imported design
     * carries the zeros as initial values, so no state of it is left undefined.
     */
    ZERO
}
