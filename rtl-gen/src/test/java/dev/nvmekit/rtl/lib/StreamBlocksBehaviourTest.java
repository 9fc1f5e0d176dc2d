package dev.nvmekit.rtl.lib;

import dev.nvmekit.rtl.dsl.PayloadType;
import dev.nvmekit.rtl.dsl.BundleSpec;
import dev.nvmekit.rtl.dsl.BundleSpec.Field;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Elaborator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Skid buffer, fork, join, mux, demux and stream arbiter under random, rule-abiding traffic in Icarus. */
class StreamBlocksBehaviourTest {
    private static final BundleSpec WORD = BundleSpec.word("data", 8);
    private static final int CYCLES = 400;

    @TempDir
    Path dir;

    private final Random random = new Random(7);

    private List<Map<String, Long>> run(Component top, List<IcarusTrace.Hold> holds, StimulusRow row) throws Exception {
        List<Map<String, Long>> stimulus = new ArrayList<>();
        for (int c = 0; c < CYCLES; c++) {
            Map<String, Long> m = new HashMap<>();
            row.fill(c, m);
            stimulus.add(m);
        }
        return IcarusTrace.run(Elaborator.elaborate(top).design(), dir, stimulus, holds);
    }

    /** One cycle of stimulus. */
    private interface StimulusRow {
        void fill(int cycle, Map<String, Long> row);
    }

    private long bit(double p) {
        return random.nextDouble() < p ? 1 : 0;
    }

    private static IcarusTrace.Hold source(String prefix, String... more) {
        List<String> inputs = new ArrayList<>(List.of(prefix + "_valid", prefix + "_data"));
        inputs.addAll(List.of(more));
        return new IcarusTrace.Hold(prefix, inputs);
    }

    private static boolean fires(Map<String, Long> t, String prefix) {
        return t.get(prefix + "_valid") == 1 && t.get(prefix + "_ready") == 1;
    }

    /** Payloads transferred on stream {@code prefix}, in order. */
    private static List<Long> transfers(List<Map<String, Long>> trace, String prefix) {
        List<Long> out = new ArrayList<>();
        for (Map<String, Long> t : trace) if (fires(t, prefix)) out.add(t.get(prefix + "_data"));
        return out;
    }

    @Test
    void skidBufferLosesNothingAndKeepsOrder() throws Exception {
        var trace = run(new SkidBuffer<>(PayloadType.bundle(WORD)), List.of(source("in")), (c, m) -> {
            m.put("in_valid", bit(0.7));
            m.put("in_data", (long) random.nextInt(256));
            m.put("out_ready", bit(0.5));
        });
        List<Long> in = transfers(trace, "in");
        List<Long> out = transfers(trace, "out");
        assertTrue(out.size() > 100 && in.size() - out.size() <= 2, in.size() + " in, " + out.size() + " out");
        assertEquals(in.subList(0, out.size()), out);
    }

    @Test
    void skidBufferMovesOnePayloadPerCycle() throws Exception {
        var trace = run(new SkidBuffer<>(PayloadType.bundle(WORD)), List.of(), (c, m) -> {
            m.put("in_valid", 1L);
            m.put("in_data", (long) (c & 0xff));
            m.put("out_ready", 1L);
        });
        for (int c = 1; c < trace.size(); c++) {
            assertTrue(fires(trace.get(c), "in") && fires(trace.get(c), "out"), "cycle " + c + " " + trace.get(c));
            assertEquals((c - 1L) & 0xff, trace.get(c).get("out_data"));
        }
    }

    @ParameterizedTest(name = "synchronous {0}")
    @ValueSource(booleans = {false, true})
    void forkDeliversEveryPayloadToEveryOutputOnce(boolean synchronous) throws Exception {
        var trace = run(new StreamFork<>(PayloadType.bundle(WORD), 3, synchronous), List.of(source("in")), (c, m) -> {
            m.put("in_valid", bit(0.7));
            m.put("in_data", (long) random.nextInt(256));
            for (int i = 0; i < 3; i++) m.put("out_" + i + "_ready", bit(0.6));
        });
        List<Long> in = transfers(trace, "in");
        assertTrue(in.size() > 30, "transfers: " + in.size());
        int[] taken = new int[3];
        int consumed = 0;
        for (Map<String, Long> t : trace) {
            for (int i = 0; i < 3; i++) {
                if (fires(t, "out_" + i)) {
                    assertEquals(t.get("in_data"), t.get("out_" + i + "_data"), "output " + i + " gets the pending payload: " + t);
                    taken[i]++;
                    assertEquals(consumed + 1, taken[i], "output " + i + " takes each payload once: " + t);
                }
            }
            if (fires(t, "in")) {
                consumed++;
                for (int i = 0; i < 3; i++) assertEquals(consumed, taken[i], "input consumed only after every output took it: " + t);
            }
            if (synchronous) {
                for (int i = 0; i < 3; i++) assertEquals(fires(t, "in"), fires(t, "out_" + i), "synchronous fork: " + t);
            }
        }
    }

    @Test
    void joinFiresAllInputsTogether() throws Exception {
        BundleSpec tag = BundleSpec.word("tag", 4);
        var trace = run(new StreamJoin(List.of(WORD, tag)),
                List.of(source("in_0"), new IcarusTrace.Hold("in_1", List.of("in_1_valid", "in_1_tag"))), (c, m) -> {
                    m.put("in_0_valid", bit(0.6));
                    m.put("in_0_data", (long) random.nextInt(256));
                    m.put("in_1_valid", bit(0.6));
                    m.put("in_1_tag", (long) random.nextInt(16));
                    m.put("out_ready", bit(0.6));
                });
        int joined = 0;
        for (Map<String, Long> t : trace) {
            assertEquals(t.get("in_0_valid") & t.get("in_1_valid"), t.get("out_valid"), t.toString());
            assertEquals(fires(t, "out"), fires(t, "in_0"), t.toString());
            assertEquals(fires(t, "out"), fires(t, "in_1"), t.toString());
            if (fires(t, "out")) {
                joined++;
                assertEquals(t.get("in_0_data"), t.get("out_data"));
                assertEquals(t.get("in_1_tag"), t.get("out_tag"));
            }
        }
        assertTrue(joined > 30, "joined " + joined);
    }

    @Test
    void muxPassesTheSelectedInput() throws Exception {
        var trace = run(new StreamMux<>(PayloadType.bundle(WORD), 3), List.of(source("in_0"), source("in_1"), source("in_2"),
                new IcarusTrace.Hold("out", List.of("select"))), (c, m) -> {
                    for (int i = 0; i < 3; i++) {
                        m.put("in_" + i + "_valid", bit(0.6));
                        m.put("in_" + i + "_data", (long) random.nextInt(256));
                    }
                    m.put("select", (long) random.nextInt(4)); // 3 is past the last input: nothing passes
                    m.put("out_ready", bit(0.7));
                });
        int passed = 0;
        for (Map<String, Long> t : trace) {
            int s = t.get("select").intValue();
            assertEquals(s < 3 ? t.get("in_" + s + "_valid") : 0L, t.get("out_valid"), t.toString());
            for (int i = 0; i < 3; i++) assertEquals(i == s && t.get("out_ready") == 1, t.get("in_" + i + "_ready") == 1, t.toString());
            if (fires(t, "out")) {
                passed++;
                assertEquals(t.get("in_" + s + "_data"), t.get("out_data"));
            }
        }
        assertTrue(passed > 50, "passed " + passed);
    }

    @Test
    void demuxRoutesToTheSelectedOutput() throws Exception {
        var trace = run(new StreamDemux<>(PayloadType.bundle(WORD), 3), List.of(source("in", "select")), (c, m) -> {
            m.put("in_valid", bit(0.7));
            m.put("in_data", (long) random.nextInt(256));
            m.put("select", (long) random.nextInt(3));
            for (int i = 0; i < 3; i++) m.put("out_" + i + "_ready", bit(0.6));
        });
        List<List<Long>> expected = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Map<String, Long> t : trace) if (fires(t, "in")) expected.get(t.get("select").intValue()).add(t.get("in_data"));
        for (int i = 0; i < 3; i++) {
            assertEquals(expected.get(i), transfers(trace, "out_" + i), "output " + i);
            assertTrue(expected.get(i).size() > 20, "output " + i + " got " + expected.get(i).size());
        }
    }

    @Test
    void streamArbiterKeepsPacketsWholeAndPayloadsStable() throws Exception {
        BundleSpec packet = BundleSpec.of(Field.of("data", 8), Field.of("last", 1));
        List<IcarusTrace.Hold> holds = new ArrayList<>();
        for (int i = 0; i < 3; i++) holds.add(source("in_" + i, "in_" + i + "_last"));
        var trace = run(new StreamArbiter<>(PayloadType.bundle(packet), 3, "last"), holds, (c, m) -> {
            for (int i = 0; i < 3; i++) {
                m.put("in_" + i + "_valid", bit(0.5));
                m.put("in_" + i + "_data", (long) random.nextInt(256));
                m.put("in_" + i + "_last", bit(0.4));
            }
            m.put("out_ready", bit(0.6));
        });
        Integer inPacket = null;
        Map<String, Long> waiting = null;
        List<List<Long>> perInput = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Map<String, Long> t : trace) {
            int chosen = t.get("chosen").intValue();
            if (waiting != null) {
                assertEquals(1L, t.get("out_valid"), "out_valid held until taken: " + t);
                assertEquals(waiting.get("chosen"), t.get("chosen"), "choice held while waiting: " + t);
                assertEquals(waiting.get("out_data"), t.get("out_data"), "payload held while waiting: " + t);
            }
            waiting = t.get("out_valid") == 1 && t.get("out_ready") == 0 ? t : null;
            if (fires(t, "out")) {
                if (inPacket != null) assertEquals(inPacket.intValue(), chosen, "packet from input " + inPacket + " interleaved: " + t);
                inPacket = t.get("out_last") == 1 ? null : chosen;
                perInput.get(chosen).add(t.get("out_data"));
                assertEquals(t.get("in_" + chosen + "_data"), t.get("out_data"));
            }
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(transfers(trace, "in_" + i), perInput.get(i), "input " + i);
            assertTrue(perInput.get(i).size() > 15, "input " + i + " served " + perInput.get(i).size());
        }
    }
}
