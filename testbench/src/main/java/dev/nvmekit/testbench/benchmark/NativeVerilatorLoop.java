package dev.nvmekit.testbench.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Verilator's own speed with no Java in the loop — the ceiling the other simulators are held
 * against. A tiny C++ program loads a cached Verilator model (the same shared library the
 * Verilator backend loads, through its {@code nk_*} C ABI) and clocks it from a C++ loop:
 * either the testbench workload of the small design (poke an input, evaluate, read an output,
 * one rising edge — the same work per cycle as the Java loops) or a free-running clock
 * ({@code nk_step(n)}, one call for many cycles). The program is compiled once per run with the
 * system C++ compiler; it needs no Verilator headers.
 */
final class NativeVerilatorLoop implements AutoCloseable {
    private static final String SOURCE = """
            // nvmekit benchmark: clock a cached Verilator model from C++ (no JVM in the loop).
            #include <dlfcn.h>
            #include <chrono>
            #include <cstdint>
            #include <cstdio>
            #include <cstdlib>
            #include <cstring>
            typedef void* (*create_f)(int32_t, int32_t);
            typedef void* (*var_f)(void*, const char*, const char*, int32_t*);
            typedef int32_t (*clock_f)(void*, const char*, int64_t, int64_t, int32_t);
            typedef int32_t (*eval_f)(void*);
            typedef int32_t (*step_f)(void*, int32_t);
            typedef void (*destroy_f)(void*);
            static void* sym(void* lib, const char* n) {
              void* p = dlsym(lib, n);
              if (!p) { std::fprintf(stderr, "missing %s\\n", n); std::exit(3); }
              return p;
            }
            static void store(void* p, int bytes, uint64_t v) {
              if (bytes == 1) *(uint8_t*)p = (uint8_t)v; else if (bytes == 2) *(uint16_t*)p = (uint16_t)v;
              else if (bytes == 4) *(uint32_t*)p = (uint32_t)v; else *(uint64_t*)p = v;
            }
            static uint64_t load(void* p, int bytes) {
              if (bytes == 1) return *(uint8_t*)p; if (bytes == 2) return *(uint16_t*)p;
              if (bytes == 4) return *(uint32_t*)p; return *(uint64_t*)p;
            }
            // usage: loop LIBRARY CYCLES (free | INPUT OUTPUT)
            int main(int argc, char** argv) {
              if (argc < 4) { std::fprintf(stderr, "usage: loop lib cycles free|in out\\n"); return 2; }
              void* lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
              if (!lib) { std::fprintf(stderr, "%s\\n", dlerror()); return 2; }
              create_f create = (create_f)sym(lib, "nk_create");
              var_f var = (var_f)sym(lib, "nk_var");
              clock_f addClock = (clock_f)sym(lib, "nk_add_clock");
              eval_f eval = (eval_f)sym(lib, "nk_eval");
              step_f step = (step_f)sym(lib, "nk_step");
              destroy_f destroy = (destroy_f)sym(lib, "nk_destroy");
              long long cycles = std::atoll(argv[2]);
              bool freeRun = std::strcmp(argv[3], "free") == 0;
              void* h = create(0, 1);
              if (addClock(h, "clk", 10000, 5000, 1) != 0) { std::fprintf(stderr, "no clk port\\n"); return 3; }
              int32_t info[4];
              void* rst = var(h, "TOP.TOP", "rst", info);
              if (rst) { store(rst, info[1], 1); step(h, 2); store(rst, info[1], 0); }
              void* in = nullptr; void* out = nullptr; int inBytes = 0, outBytes = 0;
              if (!freeRun) {
                in = var(h, "TOP.TOP", argv[3], info); inBytes = info[1];
                out = var(h, "TOP.TOP", argv[4], info); outBytes = info[1];
                if (!in || !out) { std::fprintf(stderr, "no port %s or %s\\n", argv[3], argv[4]); return 3; }
              }
              uint64_t sink = 0;
              auto run = [&](long long n) {
                if (freeRun) {
                  while (n > 0) { int32_t k = n > (1 << 20) ? (1 << 20) : (int32_t)n; step(h, k); n -= k; }
                } else {
                  for (long long i = 0; i < n; ++i) {
                    store(in, inBytes, (uint64_t)(i & 0xFFFF));
                    eval(h);
                    sink += load(out, outBytes);
                    step(h, 1);
                  }
                }
              };
              run(cycles / 10 + 1);  // warm caches and branch predictors as the JIT gets warmed
              auto t0 = std::chrono::steady_clock::now();
              run(cycles);
              double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
              std::printf("%.3f %llu\\n", cycles / s, (unsigned long long)(sink & 1));
              destroy(h);
              return 0;
            }
            """;

    private final Path dir;
    private final Path executable;

    private NativeVerilatorLoop(Path dir, Path executable) {
        this.dir = dir;
        this.executable = executable;
    }

    /** Compiles the loop program into a temporary directory; throws with the reason when that fails. */
    static NativeVerilatorLoop compile() throws IOException {
        Path dir = Files.createTempDirectory("nvmekit-native-loop");
        Files.writeString(dir.resolve("loop.cpp"), SOURCE);
        ExternalTool r = ExternalTool.run(dir, 120, "g++", "-O2", "-std=gnu++17", "-o", "loop", "loop.cpp", "-ldl");
        if (!r.ok()) {
            ExternalTool.delete(dir);
            throw new IOException("cannot build the native Verilator loop: " + r.failure());
        }
        return new NativeVerilatorLoop(dir, dir.resolve("loop"));
    }

    /** Cycles per second of the poke/eval/peek/step workload on {@code input}/{@code output}. */
    double workload(Path library, long cycles, String input, String output) throws IOException {
        return run(library, cycles, List.of(input, output));
    }

    /** Cycles per second with the clock running inside the model and inputs held. */
    double freeRunning(Path library, long cycles) throws IOException {
        return run(library, cycles, List.of("free"));
    }

    private double run(Path library, long cycles, List<String> mode) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(executable.toString(), library.toString(), Long.toString(cycles)));
        cmd.addAll(mode);
        ExternalTool r = ExternalTool.run(dir, 600, cmd);
        if (!r.ok()) throw new IOException("native Verilator loop: " + r.failure());
        String first = r.output().strip().split("\\s+")[0];
        return Double.parseDouble(first);
    }

    @Override
    public void close() {
        ExternalTool.delete(dir);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "native loop in %s", dir);
    }
}
