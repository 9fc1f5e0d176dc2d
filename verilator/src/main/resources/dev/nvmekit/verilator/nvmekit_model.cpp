// nvmekit C ABI over one Verilator model (built with --prefix Vmodel --public-flat-rw and either
// --trace, for VCD, or --trace-fst with -DVM_TRACE_FST=1, for FST).
//
// Java loads the shared library with java.lang.foreign and calls only the extern "C" nk_*
// functions below; every other symbol is hidden by a linker version script so that several
// models (each with its own copy of the Verilator runtime) can live in one process.
//
// Signals are reached by pointer: nk_var hands Java the address of a public variable and
// Java reads and writes it in place (CData/SData/IData/QData or 32-bit VlWide words). That
// makes poke/peek plain memory accesses; only eval and clock stepping cross into C.
#include "Vmodel.h"
#include "verilated.h"
#include "verilated_syms.h"
#if VM_TRACE_FST
#include "verilated_fst_c.h"
#else
#include "verilated_vcd_c.h"
#endif

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

#if VM_TRACE_FST
using TraceFile = VerilatedFstC;
#else
using TraceFile = VerilatedVcdC;

// Verilator declares the whole design inside an outer scope named after the model ("TOP"),
// beside copies of the top's ports. The embedded simulator's VCDs start at the top module.
// The port copies are left out by the $dumpvars selection (see VcdScopes); this file drops the
// outer scope's $scope/$upscope pair from the header, so that VCDs of both backends have the
// same hierarchy and names ("memory_top.ctr.acc").
class TopScopeStrippedFile final : public VerilatedVcdFile {
    std::string m_header;  // header text held back until $enddefinitions
    bool m_inBody = false;

    bool writeAll(const std::string& text) {
        const char* p = text.data();
        ssize_t left = static_cast<ssize_t>(text.size());
        while (left > 0) {
            const ssize_t got = VerilatedVcdFile::write(p, left);
            if (got <= 0) return false;
            p += got;
            left -= got;
        }
        return true;
    }

    static std::string stripped(const std::string& header) {
        std::string out = header;
        const std::string scope = "$scope module TOP $end\n";
        const size_t open = out.find(scope);
        if (open == std::string::npos) return out;
        const size_t openLine = out.rfind('\n', open);
        const size_t from = openLine == std::string::npos ? 0 : openLine + 1;
        out.erase(from, open + scope.size() - from);
        const std::string up = "$upscope $end\n";
        const size_t close = out.rfind(up, out.find("$enddefinitions"));
        if (close == std::string::npos) return header;
        const size_t closeLine = out.rfind('\n', close);
        const size_t cfrom = closeLine == std::string::npos ? 0 : closeLine + 1;
        out.erase(cfrom, close + up.size() - cfrom);
        return out;
    }

public:
    ssize_t write(const char* bufp, ssize_t len) override {
        if (m_inBody) return VerilatedVcdFile::write(bufp, len);
        m_header.append(bufp, static_cast<size_t>(len));
        const size_t end = m_header.find("$enddefinitions $end\n");
        if (end == std::string::npos) return len;
        m_inBody = true;
        const size_t split = end + std::strlen("$enddefinitions $end\n");
        const std::string text = stripped(m_header.substr(0, split)) + m_header.substr(split);
        m_header.clear();
        return writeAll(text) ? len : -1;
    }

    void close() override {
        if (!m_inBody && !m_header.empty()) writeAll(m_header);  // a header cut short: keep what there is
        m_header.clear();
        VerilatedVcdFile::close();
    }
};
#endif

// A Verilog $fatal/$stop or an internal Verilator error, carried to the nk_* entry point that
// caused it instead of aborting the JVM.
struct ModelFatal : std::runtime_error {
    explicit ModelFatal(const std::string& m) : std::runtime_error(m) {}
};

struct Clock {
    CData* port;
    uint64_t half;  // half period, ps
    uint64_t next;  // time of the next edge, ps
    bool primary;
};

struct Sim {
    VerilatedContext* ctx = nullptr;
    Vmodel* model = nullptr;
    TraceFile* vcd = nullptr;  // the open trace, VCD or FST
#if !VM_TRACE_FST
    TopScopeStrippedFile* vcdFile = nullptr;
#endif
    std::vector<Clock> clocks;
    uint64_t time = 0;
    uint64_t cycle = 0;
    uint64_t vcdFrom = 0;
    uint64_t vcdTo = 0;
    bool dumpPending = false;  // the values at `time` are still to be written to the VCD
    bool haveDumped = false;
    uint64_t lastDump = 0;
    std::string error;
};

void dumpAt(Sim* s, uint64_t t) {
    if (!s->vcd) return;
    // The window is in primary-clock cycles: a time belongs to the cycle count reached there.
    if (s->cycle < s->vcdFrom || s->cycle > s->vcdTo) return;
    if (s->haveDumped && t <= s->lastDump) return;
    s->vcd->dump(t);
    s->haveDumped = true;
    s->lastDump = t;
}

// Writes the values of the last edge time, as they are now: after that edge and after whatever
// Java poked since. Deferring the dump to just before the next edge (or to close) puts pokes
// made between steps at the time of the edge they followed, as the embedded backend's VCD does.
void flushPendingDump(Sim* s) {
    if (!s->dumpPending) return;
    s->dumpPending = false;
    s->model->eval();
    dumpAt(s, s->time);
}

// Runs one rising edge of the primary clock, with every other clock's edges before it in time
// order. Edges of several clocks at the same instant are applied together, then evaluated once.
void stepOne(Sim* s) {
    for (;;) {
        uint64_t t = UINT64_MAX;
        for (const Clock& c : s->clocks) t = c.next < t ? c.next : t;
        flushPendingDump(s);
        bool primaryRose = false;
        for (Clock& c : s->clocks) {
            if (c.next != t) continue;
            *c.port = *c.port ? 0 : 1;
            c.next = t + c.half;
            if (c.primary && *c.port) primaryRose = true;
        }
        s->time = t;
        s->ctx->time(t);
        s->model->eval();
        if (primaryRose) ++s->cycle;
        s->dumpPending = s->vcd != nullptr;
        if (primaryRose) return;
    }
}

// Verilator's runtime finds "the" context through a thread-local pointer (scope tables, random
// state, file descriptors). With one context per model and any Java thread calling in, every
// entry point must point it at this model's context first.
inline void enter(Sim* s) { Verilated::threadContextp(s->ctx); }

template <typename F>
int32_t guarded(Sim* s, F body) {
    enter(s);
    try {
        body();
        return 0;
    } catch (const std::exception& e) {
        s->error = e.what();
        return -1;
    }
}

}  // namespace

// Verilator calls this on $fatal, $stop and internal errors (we build with -DVL_USER_FATAL -DVL_USER_FINISH).
// Throwing unwinds to the nk_* entry point, which reports the message to Java.
void vl_fatal(const char* filename, int linenum, const char* hier, const char* msg) {
    std::string m = std::string(filename ? filename : "?") + ":" + std::to_string(linenum) + ": "
                    + (msg ? msg : "fatal error");
    if (hier && *hier) m += " (in " + std::string(hier) + ")";
    throw ModelFatal(m);
}

// A Verilog $finish only marks the context finished (Verilator's default exits the process on
// the second one); the simulation keeps answering, as on the embedded backend.
void vl_finish(const char* filename, int linenum, const char* hier) {
    (void)filename;
    (void)linenum;
    (void)hier;
    Verilated::threadContextp()->gotFinish(true);
}

extern "C" {

// Bumped when the ABI below changes; Java checks it after loading.
int32_t nk_abi_version() { return 1; }

// randReset: 0 all zeros, 2 random from seed (Verilator's --x-initial unique semantics).
void* nk_create(int32_t randReset, int32_t seed) {
    Sim* s = new Sim();
    s->ctx = new VerilatedContext();
    s->ctx->randReset(randReset);
    s->ctx->randSeed(seed);
    s->ctx->traceEverOn(true);
    Verilated::threadContextp(s->ctx);
    s->model = new Vmodel(s->ctx, "TOP");
    return s;
}

const char* nk_error(void* h) { return static_cast<Sim*>(h)->error.c_str(); }

void nk_destroy(void* h) {
    Sim* s = static_cast<Sim*>(h);
    enter(s);
    try {
        if (s->vcd) {
            flushPendingDump(s);
            s->vcd->close();
            delete s->vcd;
#if !VM_TRACE_FST
            delete s->vcdFile;
#endif
        }
        s->model->final();
    } catch (const std::exception&) {
        // Closing must not fail; a fatal during final() has nothing left to report to.
    }
    delete s->model;
    delete s->ctx;
    delete s;
    Verilated::threadContextp(nullptr);  // never leave the thread pointing at a deleted context
}

// The address of public variable `name` in scope `scope` (e.g. "TOP.TOP" for top ports,
// "TOP.top.u" inside instance u), or null. info receives: [0] bits of one element,
// [1] bytes of one element, [2] number of elements (1 for a plain signal),
// [3] lowest unpacked index.
void* nk_var(void* h, const char* scope, const char* name, int32_t* info) {
    Sim* s = static_cast<Sim*>(h);
    enter(s);
    const VerilatedScope* sc = s->ctx->scopeFind(scope);
    if (!sc) return nullptr;
    VerilatedVar* v = sc->varFind(name);
    if (!v) return nullptr;
    int32_t bits = v->dims() > v->udims() ? v->packed().elements() : 1;
    int32_t elements = 1;
    for (int d = 1; d <= v->udims(); ++d) elements *= v->elements(d);
    info[0] = bits;
    info[1] = static_cast<int32_t>(v->entSize());
    info[2] = elements;
    info[3] = v->udims() > 0 ? v->low(1) : 0;
    return v->datap();
}

int32_t nk_add_clock(void* h, const char* port, int64_t periodPs, int64_t firstRisePs, int32_t primary) {
    Sim* s = static_cast<Sim*>(h);
    const VerilatedScope* sc = s->ctx->scopeFind("TOP.TOP");
    VerilatedVar* v = sc ? sc->varFind(port) : nullptr;
    if (!v || v->vltype() != VLVT_UINT8) return -1;
    Clock c;
    c.port = static_cast<CData*>(v->datap());
    c.half = static_cast<uint64_t>(periodPs) / 2;
    c.next = static_cast<uint64_t>(firstRisePs);
    c.primary = primary != 0;
    *c.port = 0;
    s->clocks.push_back(c);
    return 0;
}

int32_t nk_eval(void* h) {
    Sim* s = static_cast<Sim*>(h);
    return guarded(s, [s] { s->model->eval(); });
}

int32_t nk_step(void* h, int32_t cycles) {
    Sim* s = static_cast<Sim*>(h);
    return guarded(s, [s, cycles] {
        for (int32_t i = 0; i < cycles; ++i) stepOne(s);
    });
}

int64_t nk_time(void* h) { return static_cast<int64_t>(static_cast<Sim*>(h)->time); }

int64_t nk_cycle(void* h) { return static_cast<int64_t>(static_cast<Sim*>(h)->cycle); }

// Opens the trace (VCD, or FST in a model built for it). scopes: lines "<levels> <hierarchy>" in $dumpvars form (e.g. "3 TOP.top.u"),
// empty for everything. Only times whose primary-clock cycle count lies in from..to are dumped.
int32_t nk_trace_open(void* h, const char* path, const char* scopes, int64_t from, int64_t to) {
    Sim* s = static_cast<Sim*>(h);
    return guarded(s, [&] {
#if VM_TRACE_FST
        s->vcd = new VerilatedFstC();
#else
        s->vcdFile = new TopScopeStrippedFile();
        s->vcd = new VerilatedVcdC(s->vcdFile);
#endif
        std::string lines(scopes);
        size_t pos = 0;
        while (pos < lines.size()) {
            size_t end = lines.find('\n', pos);
            if (end == std::string::npos) end = lines.size();
            std::string line = lines.substr(pos, end - pos);
            size_t sp = line.find(' ');
            if (sp != std::string::npos) s->vcd->dumpvars(std::stoi(line.substr(0, sp)), line.substr(sp + 1));
            pos = end + 1;
        }
        s->model->trace(s->vcd, 99);
        s->vcd->set_time_unit("1ps");
        s->vcd->set_time_resolution("1ps");
        s->vcd->open(path);
        if (!s->vcd->isOpen()) throw std::runtime_error(std::string("cannot open trace file ") + path);
        s->vcdFrom = static_cast<uint64_t>(from);
        s->vcdTo = static_cast<uint64_t>(to);
        s->dumpPending = true;  // time 0, written with the first step
    });
}

void nk_trace_flush(void* h) {
    Sim* s = static_cast<Sim*>(h);
    enter(s);
    if (s->vcd) s->vcd->flush();
}

}  // extern "C"
