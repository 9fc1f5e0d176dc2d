package dev.nvmekit.testbench.ssd;

import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.ClockSpec;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.SimulatorBackend;
import dev.nvmekit.testbench.bench.BenchLoop;
import dev.nvmekit.testbench.bench.CycleAgent;
import dev.nvmekit.testbench.host.HostDriver;
import dev.nvmekit.testbench.host.HostDriverConfig;
import dev.nvmekit.testbench.monitor.PortMonitors;
import dev.nvmekit.testbench.monitor.Trace;
import dev.nvmekit.testbench.monitor.TraceChecker;
import dev.nvmekit.testbench.monitor.Violation;
import dev.nvmekit.testbench.nvme.HostMemory;
import dev.nvmekit.testbench.nvme.SparseHostMemory;
import dev.nvmekit.testbench.port.AxiLiteMaster;
import dev.nvmekit.testbench.port.AxiMemoryConfig;
import dev.nvmekit.testbench.port.AxiMemorySlave;
import dev.nvmekit.testbench.port.InterruptSink;

import java.util.List;
import java.util.function.BiFunction;

/**
 * A complete simulated NVMe SSD with its host: the front-end design in a {@link Simulator}, host
 * memory (a {@link SparseHostMemory} shared by the host driver, the AXI slave and the back end's own
 * DMA), the BAR0 bridge, the MSI-X sink, the device back end behind the {@code cmd_}/{@code cpl_}/
 * {@code qm_}/{@code aer_}/{@code ctrl_} ports, monitors on every port, and the Linux-like
 * {@link HostDriver}. Run host code with {@link #run}; check the trace with {@link #violations()}.
 *
 * <p>Agent order each cycle: the driver (interrupt handling, doorbell batching), the AXI-Lite
 * master, host memory, interrupt sink, back end, then the monitors, which see everything driven.
 */
public final class SimulatedSsd implements AutoCloseable {
    private final Simulator sim;
    private final SparseHostMemory memory = new SparseHostMemory();
    private final BenchLoop loop;
    private final AxiLiteMaster bar;
    private final AxiMemorySlave hostMemory;
    private final InterruptSink interrupts;
    private final CycleAgent backEnd;
    private final PortMonitors monitors;
    private final HostDriver driver;

    /**
     * @param design     the elaborated front end (top {@code nvme_frontend} or a design with its ports)
     * @param backend    the simulator to run it on
     * @param backEnd    builds the device back end from the simulator and host memory
     *                   (e.g. {@code (sim, mem) -> new FirmwareBackEnd(config, mem)})
     * @param periodPs   the clock period; the driver's timeouts are counted in it
     */
    public SimulatedSsd(Design design, SimulatorBackend backend, BiFunction<Simulator, HostMemory, CycleAgent> backEnd,
                        AxiMemoryConfig memoryConfig, HostDriverConfig driverConfig, long periodPs) {
        this(design, backend, SimulationOptions.defaults().withClocks(new ClockSpec("clk", periodPs, periodPs / 2)), backEnd,
                memoryConfig, driverConfig);
    }

    /**
     * As above, with the simulation's options given whole (e.g. to write a VCD); the clock period
     * is that of the first clock in {@code options}, which must be the design's {@code clk}.
     */
    public SimulatedSsd(Design design, SimulatorBackend backend, SimulationOptions options,
                        BiFunction<Simulator, HostMemory, CycleAgent> backEnd, AxiMemoryConfig memoryConfig,
                        HostDriverConfig driverConfig) {
        if (options.clocks().isEmpty()) throw new IllegalArgumentException("the options must name the clock (clk) and its period");
        long periodPs = options.clocks().getFirst().periodPs();
        this.sim = backend.open(design, options);
        this.loop = new BenchLoop(sim);
        this.bar = new AxiLiteMaster(sim);
        this.hostMemory = new AxiMemorySlave(sim, memory, memoryConfig);
        this.interrupts = new InterruptSink(sim);
        this.backEnd = backEnd.apply(sim, memory);
        this.monitors = new PortMonitors(sim);
        this.driver = new HostDriver(loop, bar, memory, interrupts, driverConfig, periodPs);
        loop.add(driver).add(bar).add(hostMemory).add(interrupts).add(this.backEnd);
        monitors.attach(loop);
        // Idle inputs before reset, so nothing is mistaken for a request.
        for (CycleAgent a : List.of(bar, hostMemory, interrupts, this.backEnd)) a.drive(sim);
        sim.reset(4);
    }

    /** Runs {@code body} as a process until it returns, failing after {@code maxCycles}. */
    public void run(BenchLoop.BenchProcess body, long maxCycles) {
        BenchLoop.Proc p = loop.start("host", body);
        loop.runUntil(p::finished, maxCycles, "the host process");
    }

    /** Runs more cycles (e.g. to let a coalescing timer or a reset play out). */
    public void idle(long cycles) {
        long until = loop.cycle() + cycles;
        loop.runUntil(() -> loop.cycle() >= until, cycles + 1, "idle");
    }

    /** Contract and queue-rule violations in the trace so far. */
    public List<Violation> violations() {
        return TraceChecker.check(monitors.trace());
    }

    public Simulator simulator() { return sim; }
    public BenchLoop loop() { return loop; }
    public HostDriver driver() { return driver; }
    public SparseHostMemory memory() { return memory; }
    public AxiMemorySlave hostMemory() { return hostMemory; }
    public InterruptSink interrupts() { return interrupts; }
    public AxiLiteMaster bar() { return bar; }
    public CycleAgent backEnd() { return backEnd; }
    public Trace trace() { return monitors.trace(); }

    @Override
    public void close() {
        sim.close();
    }
}
