package dev.nvmekit.rtl.ir;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One hardware module after elaboration: its ports and the netlist inside. A blackbox is a
 * module with ports only, whose body comes from external Verilog ({@link #blackBox()}).
 */
public record ModuleDef(String name, List<Port> ports, List<ClockDomain> clockDomains,
                        List<Wire> wires, List<Assign> assigns, List<Register> registers,
                        List<Memory> memories, List<Instance> instances,
                        Optional<BlackBoxSource> blackBox, SourceLocation location) {
    public ModuleDef {
        Objects.requireNonNull(name, "name");
        ports = List.copyOf(ports);
        clockDomains = List.copyOf(clockDomains);
        wires = List.copyOf(wires);
        assigns = List.copyOf(assigns);
        registers = List.copyOf(registers);
        memories = List.copyOf(memories);
        instances = List.copyOf(instances);
        Objects.requireNonNull(blackBox, "blackBox");
        Objects.requireNonNull(location, "location");
    }

    /** The port called {@code portName}, if any. */
    public Optional<Port> port(String portName) {
        return ports.stream().filter(p -> p.name().equals(portName)).findFirst();
    }

    /** The clock domain called {@code domainName}, if any. */
    public Optional<ClockDomain> clockDomain(String domainName) {
        return clockDomains.stream().filter(d -> d.name().equals(domainName)).findFirst();
    }

    /** Whether the module's body is external Verilog. */
    public boolean isBlackBox() {
        return blackBox.isPresent();
    }

    /**
     * Where a blackbox's Verilog comes from: the module name in that source and the files a
     * simulator or synthesis tool must read (may be empty for vendor primitives).
     */
    public record BlackBoxSource(String verilogModule, List<String> verilogFiles) {
        public BlackBoxSource {
            Objects.requireNonNull(verilogModule, "verilogModule");
            verilogFiles = List.copyOf(verilogFiles);
        }
    }
}
