package dev.nvmekit.rtl.usage;

import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.dsl.Bundle;
import dev.nvmekit.rtl.dsl.BundleSpec;
import dev.nvmekit.rtl.dsl.BundleSpec.Field;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.dsl.PayloadType;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Stream;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.rtl.lib.SkidBuffer;
import dev.nvmekit.rtl.lib.StreamArbiter;
import dev.nvmekit.rtl.lib.StreamFifo;
import dev.nvmekit.rtl.verilog.VerilogLint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code Stream<T>} as a plain-Java user writes it: a payload class of their own, typed field access, library blocks of that type. */
class TypedStreamTest {
    @TempDir
    Path dir;

    /** A user's payload: public final fields, built from the payload bundle. */
    static final class Cmd {
        static final PayloadType<Cmd> TYPE = PayloadType.of(BundleSpec.of(Field.of("opcode", 8), Field.of("sqid", 16), Field.of("last", 1)), Cmd::new);
        final Signal opcode;
        final Signal sqid;
        final Signal last;

        Cmd(Bundle b) {
            opcode = b.get("opcode");
            sqid = b.get("sqid");
            last = b.get("last");
        }
    }

    /** Commands through a skid buffer, a FIFO and an arbiter, all of {@code Cmd}, with typed reads on the way. */
    static final class CommandPath extends Component {
        final Stream<Cmd> in = streamIn("cmd", Cmd.TYPE);
        final Stream<Cmd> other = streamIn("admin", Cmd.TYPE);
        final Stream<Cmd> out = streamOut("out", Cmd.TYPE);
        final Stream<Signal> opcodes = streamOut("op", PayloadType.signal("code", 8));
        final Signal isWrite = out("is_write", 1);

        CommandPath() {
            SkidBuffer<Cmd> skid = instance("skid", new SkidBuffer<>(Cmd.TYPE));
            skid.in.connectFrom(in);
            StreamFifo<Cmd> fifo = instance("fifo", new StreamFifo<>(Cmd.TYPE, 4));
            fifo.push.connectFrom(skid.out);
            StreamArbiter<Cmd> arbiter = instance("arb", new StreamArbiter<>(Cmd.TYPE, 2, "last"));
            arbiter.inputs.get(0).connectFrom(fifo.pop);
            arbiter.inputs.get(1).connectFrom(other);
            out.connectFrom(arbiter.out);
            // Typed access: fields by name in Java, checked by the compiler.
            isWrite.set(arbiter.out.payload().opcode.eq(0x01));
            opcodes.valid.set(in.fire());
            opcodes.payload().set(in.payload().opcode);
        }
    }

    @Test
    void aTypedPayloadFlowsThroughLibraryBlocksAndItsFieldsAreSignals() {
        Design d = Elaborator.elaborate(new CommandPath()).design();
        ModuleDef top = d.topModule();
        assertTrue(top.ports().stream().map(p -> p.name()).toList().containsAll(List.of("cmd_opcode", "cmd_sqid", "cmd_last", "out_opcode", "op_code")));
        Expr isWrite = top.assigns().stream().filter(a -> a.target().equals("is_write")).findFirst().orElseThrow().value();
        assertTrue(isWrite.toString().contains("arb_out_opcode"), isWrite.toString());
        assertTrue(d.modules().stream().anyMatch(m -> m.name().startsWith("stream_fifo")), d.modules().toString());
        for (VerilogLint.Result r : VerilogLint.all(d, dir)) {
            if (r.status() == VerilogLint.Status.NOT_INSTALLED && !"true".equals(System.getenv("CI"))) continue;
            assertTrue(r.passed(), r.tool() + ":\n" + r.output());
        }
    }

    @Test
    void theSameSignalsCanBeSeenUntypedOrTyped() {
        new Component("views") {
            {
                Stream<Cmd> typed = streamIn("c", Cmd.TYPE);
                Stream<Bundle> raw = typed.as(PayloadType.bundle(Cmd.TYPE.spec()));
                assertSame(typed.payload().sqid, raw.payload().get("sqid"));
                assertSame(typed.payload().opcode, typed.payload("opcode"));
                assertSame(typed.valid, raw.valid);
                Stream<Cmd> back = raw.as(Cmd.TYPE);
                assertSame(typed.payload().last, back.payload().last);
                out("o", 1).set(typed.fire());
                typed.ready.set(1);
            }
        };
    }

    @Test
    void aStreamOfOtherFieldsCannotBeSeenAsCmdNorConnected() {
        int[] line = new int[2];
        DesignException view = assertThrows(DesignException.class, () -> new Component("bad_view") {
            {
                Stream<Signal> s = streamIn("s", PayloadType.signal("data", 8));
                line[0] = LibraryParameterErrorsTest.line(); s.as(Cmd.TYPE);
            }
        });
        assertTrue(view.getMessage().contains("TypedStreamTest.java:" + line[0] + ": error:") && view.getMessage().contains("cannot be seen as"),
                view.getMessage());
        DesignException connect = assertThrows(DesignException.class, () -> Elaborator.elaborate(new Component("bad_connect") {
            {
                Stream<Signal> s = streamIn("s", PayloadType.signal("data", 8));
                Stream<Cmd> c = streamOut("c", Cmd.TYPE);
                line[1] = LibraryParameterErrorsTest.line(); c.connectFrom(s);
            }
        }));
        assertTrue(connect.getMessage().contains("TypedStreamTest.java:" + line[1] + ": error:")
                && connect.getMessage().contains("their payloads differ"), connect.getMessage());
    }

    @Test
    void aViewThatReadsAFieldThePayloadLacksIsAClearError() {
        PayloadType<Signal> wrong = PayloadType.of(BundleSpec.word("data", 8), b -> b.get("dtaa"));
        DesignException e = assertThrows(DesignException.class, () -> new Component("typo") {
            {
                streamIn("s", wrong);
            }
        });
        assertTrue(e.getMessage().contains("has no field 'dtaa'"), e.getMessage());
        assertEquals("payload {data:8}", PayloadType.signal("data", 8).toString());
    }
}
