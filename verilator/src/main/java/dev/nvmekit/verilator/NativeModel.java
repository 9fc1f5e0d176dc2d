package dev.nvmekit.verilator;

import dev.nvmekit.sim.SimulationException;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * One Verilator model instance in a loaded shared library, reached through the C ABI of
 * {@code nvmekit_model.cpp} with {@code java.lang.foreign}. Each instance owns a
 * {@code VerilatedContext} and model object, so several instances of one library (or of
 * several libraries) are independent.
 *
 * <p>The method handles are static and take the C function's address as their first
 * argument, so the JIT sees constant handles; calls that return quickly and never call back
 * into Java are linked as critical (no thread-state transition).
 */
final class NativeModel implements AutoCloseable {
    /** ABI version the wrapper must report; matches {@code nk_abi_version} in the C++ source. */
    static final int ABI_VERSION = 1;
    /** Steps up to this many cycles in a critical call; longer runs let the JVM reach safepoints. */
    static final int CRITICAL_STEP_LIMIT = 64;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option CRITICAL = Linker.Option.critical(false);
    private static final MethodHandle INT_OF_VOID = LINKER.downcallHandle(FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle CREATE = LINKER.downcallHandle(FunctionDescriptor.of(ADDRESS, JAVA_INT, JAVA_INT));
    private static final MethodHandle VOID_OF_HANDLE = LINKER.downcallHandle(FunctionDescriptor.ofVoid(ADDRESS));
    private static final MethodHandle ADDRESS_OF_HANDLE = LINKER.downcallHandle(FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final MethodHandle VAR = LINKER.downcallHandle(FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle ADD_CLOCK = LINKER.downcallHandle(
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_INT));
    private static final MethodHandle EVAL = LINKER.downcallHandle(FunctionDescriptor.of(JAVA_INT, ADDRESS), CRITICAL);
    private static final MethodHandle STEP_CRITICAL = LINKER.downcallHandle(FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), CRITICAL);
    private static final MethodHandle STEP = LINKER.downcallHandle(FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle LONG_OF_HANDLE = LINKER.downcallHandle(FunctionDescriptor.of(JAVA_LONG, ADDRESS), CRITICAL);
    private static final MethodHandle TRACE_OPEN = LINKER.downcallHandle(
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG));

    private final Arena arena;
    private final MemorySegment handle;
    private final MemorySegment fDestroy, fError, fVar, fAddClock, fEval, fStep, fTime, fCycle, fTraceOpen, fTraceFlush;
    private boolean closed;

    /**
     * A signal or memory's storage inside the model.
     *
     * @param data         the bytes of all elements
     * @param bits         width of one element
     * @param elementBytes bytes per element (1, 2, 4, 8, or 4 per 32-bit word for wide ones)
     * @param elements     number of elements (1 unless a memory)
     * @param lowIndex     Verilog index of the first element
     */
    record Variable(MemorySegment data, int bits, int elementBytes, int elements, int lowIndex) {
    }

    private NativeModel(Arena arena, SymbolLookup lib, int randReset, int seed) {
        this.arena = arena;
        int abi = (int) invoke(() -> (int) INT_OF_VOID.invokeExact(symbol(lib, "nk_abi_version")));
        if (abi != ABI_VERSION) {
            throw new SimulationException("the Verilator model library speaks C ABI version " + abi + ", expected "
                    + ABI_VERSION + "; delete the model cache entry to rebuild it");
        }
        fDestroy = symbol(lib, "nk_destroy");
        fError = symbol(lib, "nk_error");
        fVar = symbol(lib, "nk_var");
        fAddClock = symbol(lib, "nk_add_clock");
        fEval = symbol(lib, "nk_eval");
        fStep = symbol(lib, "nk_step");
        fTime = symbol(lib, "nk_time");
        fCycle = symbol(lib, "nk_cycle");
        fTraceOpen = symbol(lib, "nk_trace_open");
        fTraceFlush = symbol(lib, "nk_trace_flush");
        MemorySegment create = symbol(lib, "nk_create");
        handle = (MemorySegment) invoke(() -> (MemorySegment) CREATE.invokeExact(create, randReset, seed));
    }

    /**
     * Loads {@code library} (again, if already loaded: the instance is new either way) and
     * creates a model instance in it.
     *
     * @param randReset Verilator's randReset: 0 zeros, 2 random from {@code seed}
     */
    static NativeModel load(Path library, int randReset, int seed) {
        Arena arena = Arena.ofShared();
        try {
            SymbolLookup lib = SymbolLookup.libraryLookup(library, arena);
            return new NativeModel(arena, lib, randReset, seed);
        } catch (RuntimeException e) {
            arena.close();
            if (e instanceof SimulationException s) throw s;
            throw new SimulationException("cannot load the Verilator model " + library + ": " + e.getMessage(), e);
        }
    }

    private static MemorySegment symbol(SymbolLookup lib, String name) {
        return lib.find(name).orElseThrow(() -> new SimulationException("the Verilator model library lacks " + name
                + ": it was built by another version of nvmekit; delete the model cache entry to rebuild it"));
    }

    /** The storage of {@code name} in Verilator scope {@code scope}, or null if the model has no such variable. */
    Variable variable(String scope, String name) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment info = call.allocate(JAVA_INT, 4);
            MemorySegment s = call.allocateFrom(scope);
            MemorySegment n = call.allocateFrom(name);
            MemorySegment p = (MemorySegment) invoke(() -> (MemorySegment) VAR.invokeExact(fVar, handle, s, n, info));
            if (p.equals(MemorySegment.NULL)) return null;
            int bits = info.getAtIndex(JAVA_INT, 0);
            int bytes = info.getAtIndex(JAVA_INT, 1);
            int elements = info.getAtIndex(JAVA_INT, 2);
            int low = info.getAtIndex(JAVA_INT, 3);
            return new Variable(p.reinterpret((long) bytes * elements, arena, null), bits, bytes, elements, low);
        }
    }

    /** Registers a clock input of the top module; false if there is no such 1-bit input. */
    boolean addClock(String port, long periodPs, long firstRisePs, boolean primary) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment p = call.allocateFrom(port);
            return (int) invoke(() -> (int) ADD_CLOCK.invokeExact(fAddClock, handle, p, periodPs, firstRisePs, primary ? 1 : 0)) == 0;
        }
    }

    /** Settles combinational logic on the current inputs and state. */
    void eval() {
        int rc;
        try {
            rc = (int) EVAL.invokeExact(fEval, handle);
        } catch (Throwable t) {
            throw new SimulationException("native eval failed: " + t, t);
        }
        if (rc != 0) throw failure("evaluating the model");
    }

    /** Runs {@code cycles} rising edges of the primary clock. */
    void step(int cycles) {
        int rc;
        try {
            rc = cycles <= CRITICAL_STEP_LIMIT ? (int) STEP_CRITICAL.invokeExact(fStep, handle, cycles)
                    : (int) STEP.invokeExact(fStep, handle, cycles);
        } catch (Throwable t) {
            throw new SimulationException("native step failed: " + t, t);
        }
        if (rc != 0) throw failure("stepping the clock");
    }

    long timePs() {
        return (long) invoke(() -> (long) LONG_OF_HANDLE.invokeExact(fTime, handle));
    }

    long cycle() {
        return (long) invoke(() -> (long) LONG_OF_HANDLE.invokeExact(fCycle, handle));
    }

    /** Starts a VCD; {@code scopes} are {@code $dumpvars} lines, times outside cycles from..to are not dumped. */
    void openTrace(Path file, String scopes, long fromCycle, long toCycle) {
        int rc;
        try (Arena call = Arena.ofConfined()) {
            MemorySegment p = call.allocateFrom(file.toString());
            MemorySegment s = call.allocateFrom(scopes);
            rc = (int) invoke(() -> (int) TRACE_OPEN.invokeExact(fTraceOpen, handle, p, s, fromCycle, toCycle));
        }
        if (rc != 0) throw failure("opening the VCD " + file);
    }

    void flushTrace() {
        invoke(() -> {
            VOID_OF_HANDLE.invokeExact(fTraceFlush, handle);
            return null;
        });
    }

    /** Finishes the trace, destroys the model and unloads the library (if no other instance uses it). */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            invoke(() -> {
                VOID_OF_HANDLE.invokeExact(fDestroy, handle);
                return null;
            });
        } finally {
            arena.close();
        }
    }

    private SimulationException failure(String what) {
        MemorySegment msg = (MemorySegment) invoke(() -> (MemorySegment) ADDRESS_OF_HANDLE.invokeExact(fError, handle));
        String text = msg.reinterpret(Integer.MAX_VALUE).getString(0);
        return new SimulationException("the Verilator model stopped while " + what + ": " + text);
    }

    @FunctionalInterface
    private interface NativeCall {
        Object call() throws Throwable;
    }

    private static Object invoke(NativeCall c) {
        try {
            return c.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new SimulationException("native call failed: " + t, t);
        }
    }
}
