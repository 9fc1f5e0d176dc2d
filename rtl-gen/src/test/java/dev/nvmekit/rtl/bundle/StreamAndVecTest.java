package dev.nvmekit.rtl.bundle;

import dev.nvmekit.rtl.dsl.Bundle;
import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.dsl.BundleSpec;
import dev.nvmekit.rtl.dsl.BundleSpec.Field;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Stream;
import dev.nvmekit.rtl.dsl.Vec;
import dev.nvmekit.rtl.ir.Direction;
import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.rtl.ir.SignalType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Streams are valid/ready bundles named as the NVMe contract names ports; vectors are indexed signals. */
class StreamAndVecTest {
    static final BundleSpec COMMAND = BundleSpec.of(Field.of("sqid", 16), Field.of("sqe", 512));

    /** Registers a command stream through (valid, ready and payload wired straight). */
    static final class CommandPass extends Component {
        final Stream<Bundle> cmd = streamIn("cmd", COMMAND);
        final Stream<Bundle> out = streamOut("out", COMMAND);
        final Signal accepted = out("accepted", 1);

        CommandPass() {
            out.connectFrom(cmd);
            accepted.set(cmd.fire());
        }
    }

    @Test
    void streamPortsFollowTheNvmeContractNames() {
        ModuleDef m = Elaborator.elaborate(new CommandPass()).design().topModule();
        List<String> names = m.ports().stream().map(p -> p.name() + ":" + p.direction()).toList();
        assertEquals(List.of("cmd_valid:IN", "cmd_ready:OUT", "cmd_sqid:IN", "cmd_sqe:IN",
                "out_valid:OUT", "out_ready:IN", "out_sqid:OUT", "out_sqe:OUT", "accepted:OUT"), names);
        assertEquals(SignalType.unsigned(512), m.port("cmd_sqe").orElseThrow().type());
        Expr accepted = m.assigns().stream().filter(a -> a.target().equals("accepted")).findFirst().orElseThrow().value();
        assertEquals(Expr.Binary.of(Expr.BinaryOp.AND, new Expr.Ref("cmd_valid", SignalType.BIT), new Expr.Ref("cmd_ready", SignalType.BIT)),
                accepted);
        assertTrue(m.assigns().stream().anyMatch(a -> a.target().equals("cmd_ready")
                && a.value().equals(new Expr.Ref("out_ready", SignalType.BIT))), "ready flows back: " + m.assigns());
    }

    @Test
    void payloadFieldsThatClashOrFlowBackAreErrorsAtTheDeclaration() {
        int[] lines = new int[2];
        DesignException e = assertThrows(DesignException.class, () -> Elaborator.elaborate(new Component("bad_payload") {
            {
                lines[0] = Lines.here(); Stream<Bundle> a = streamIn("a", BundleSpec.of(Field.of("ready", 1)));
                lines[1] = Lines.here(); Stream<Bundle> b = streamOut("b", BundleSpec.of(Field.flipped("credit", 1)));
                a.ready.set(0);
                b.valid.set(a.valid);
            }
        }));
        String msg = e.getMessage();
        assertTrue(msg.contains("StreamAndVecTest.java:" + lines[0] + ": error: [bad_payload.a] stream 'a': payload field 'ready' clashes"), msg);
        assertTrue(msg.contains("StreamAndVecTest.java:" + lines[1] + ": error: [bad_payload.b] stream 'b': payload field 'credit' is flipped"), msg);
    }

    @Test
    void unknownPayloadFieldAndMismatchedStreamsAreNamed() {
        int[] line = new int[1];
        DesignException unknown = assertThrows(DesignException.class, () -> new Component("typo") {
            {
                Stream<Bundle> a = streamIn("a", COMMAND);
                line[0] = Lines.here(); a.payload("sq");
            }
        });
        assertTrue(unknown.getMessage().contains("StreamAndVecTest.java:" + line[0]
                + ": error: [typo.a] stream 'a' has no payload field 'sq'; its payload is {sqid:16, sqe:512}"), unknown.getMessage());

        DesignException mismatch = assertThrows(DesignException.class, () -> Elaborator.elaborate(new Component("mismatch") {
            {
                Stream<Bundle> a = streamIn("a", COMMAND);
                Stream<Bundle> b = streamOut("b", BundleSpec.word("sqid", 16));
                line[0] = Lines.here(); b.connectFrom(a);
            }
        }));
        assertTrue(mismatch.getMessage().contains("StreamAndVecTest.java:" + line[0] + ": error: [mismatch.b] cannot connect stream 'b' "
                + "{sqid:16} from stream 'a' {sqid:16, sqe:512}; their payloads differ"), mismatch.getMessage());
    }

    /** A register file: written at a hardware index, read at another. */
    static final class RegisterFile extends Component {
        RegisterFile() {
            Vec<Signal> inputs = inVec("value", 3, 8);
            Signal writeIndex = in("write_index", 2);
            Signal readIndex = in("read_index", 2);
            Vec<Reg> cells = regVec("cell", 3, 8);
            for (Reg r : cells) r.init(0);
            cells.set(writeIndex, inputs.read(readIndex));
            Vec<Signal> outs = outVec("cell_out", 3, 8);
            for (int i = 0; i < 3; i++) outs.get(i).set(cells.get(i));
            Signal all = out("all", 24);
            all.set(cells.asBits());
        }
    }

    @Test
    void vectorsNameTheirElementsAndIndexInHardware() {
        ModuleDef m = Elaborator.elaborate(new RegisterFile()).design().topModule();
        assertEquals(Direction.IN, m.port("value_2").orElseThrow().direction());
        assertEquals(Direction.OUT, m.port("cell_out_0").orElseThrow().direction());
        assertEquals(List.of("cell_0", "cell_1", "cell_2"), m.registers().stream().map(r -> r.name()).toList());
        Expr next = m.registers().get(1).next();
        assertTrue(next instanceof Expr.Mux mux && mux.select().equals(Expr.Binary.of(Expr.BinaryOp.EQ,
                new Expr.Ref("write_index", SignalType.unsigned(2)), Expr.Literal.of(java.math.BigInteger.ONE, SignalType.unsigned(2)))),
                "cell_1 loads only when write_index == 1: " + next);
        Expr all = m.assigns().stream().filter(a -> a.target().equals("all")).findFirst().orElseThrow().value();
        assertEquals(new Expr.Ref("cell_2", SignalType.unsigned(8)), ((Expr.Concat) all).parts().getFirst(), "element 0 lowest");
    }

    @Test
    void vectorIndexAndSizeErrorsNameTheLine() {
        int[] line = new int[1];
        DesignException outOfRange = assertThrows(DesignException.class, () -> new Component("range") {
            {
                Vec<Signal> v = wireVec("v", 2, 4);
                line[0] = Lines.here(); v.get(2);
            }
        });
        assertTrue(outOfRange.getMessage().contains("StreamAndVecTest.java:" + line[0]
                + ": error: [range.v] index 2 is outside vector 'v' of 2 elements"), outOfRange.getMessage());
        DesignException empty = assertThrows(DesignException.class, () -> Elaborator.elaborate(new Component("empty") {
            {
                line[0] = Lines.here(); Vec<Signal> v = outVec("v", 0, 4);
                v.get(0).set(0);
            }
        }));
        assertTrue(empty.getMessage().contains("StreamAndVecTest.java:" + line[0]
                + ": error: [empty.v] vector 'v' needs at least 1 element, got 0"), empty.getMessage());
    }
}
