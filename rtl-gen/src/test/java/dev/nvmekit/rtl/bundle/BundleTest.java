package dev.nvmekit.rtl.bundle;

import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.dsl.Bundle;
import dev.nvmekit.rtl.dsl.BundleSpec;
import dev.nvmekit.rtl.dsl.BundleSpec.Field;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.Direction;
import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.Instance;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.rtl.ir.Port;
import dev.nvmekit.rtl.ir.SignalType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bundles flatten to {@code <prefix>_<field>} signals with directions, flips and connections. */
class BundleTest {
    static final BundleSpec REQUEST = BundleSpec.of(Field.of("addr", 12), Field.signed("delta", 4), Field.flipped("ack", 1));

    /** Consumes a request bundle and acknowledges it when addr is odd. */
    static final class Responder extends Component {
        final Bundle req = inBundle("req", REQUEST);
        final dev.nvmekit.rtl.dsl.Signal sum = outSigned("sum", 4);

        Responder() {
            req.get("ack").set(req.get("addr").bit(0));
            sum.set(req.get("delta").add(req.get("addr").slice(3, 0).asSigned()));
        }
    }

    /** Passes its own request bundle to a child Responder. */
    static final class Passer extends Component {
        final Bundle req = inBundle("req", REQUEST);
        final dev.nvmekit.rtl.dsl.Signal sum = outSigned("sum", 4);

        Passer() {
            Responder inner = instance("inner", new Responder());
            inner.req.connectFrom(req);
            sum.set(inner.sum);
        }
    }

    private static Port port(ModuleDef m, String name) {
        return m.port(name).orElseThrow(() -> new AssertionError("no port " + name + " in " + m.ports()));
    }

    @Test
    void inputBundleFlattensWithFieldDirections() {
        ModuleDef m = Elaborator.elaborate(new Responder()).design().topModule();
        assertEquals(Direction.IN, port(m, "req_addr").direction());
        assertEquals(SignalType.unsigned(12), port(m, "req_addr").type());
        assertEquals(SignalType.signed(4), port(m, "req_delta").type());
        assertEquals(Direction.OUT, port(m, "req_ack").direction(), "a flipped field of an input bundle is an output");
    }

    @Test
    void outputBundleReversesDirectionsAndEmptyPrefixKeepsFieldNames() {
        ModuleDef m = Elaborator.elaborate(new Component("producer") {
            {
                Bundle b = outBundle("", REQUEST);
                b.get("addr").set(lit(5, 12));
                b.get("delta").set(slit(-1, 4));
                Bundle spinal = outBundle("io_x", BundleSpec.word("payload_y", 3));
                spinal.get("payload_y").set(b.get("ack").replicate(3));
            }
        }).design().topModule();
        assertEquals(Direction.OUT, port(m, "addr").direction());
        assertEquals(Direction.IN, port(m, "ack").direction());
        assertEquals(Direction.OUT, port(m, "io_x_payload_y").direction(), "SpinalHDL's io_x_payload_y naming");
    }

    @Test
    void connectFromDrivesChildInputsAndReturnsFlippedFields() {
        Design d = Elaborator.elaborate(new Passer()).design();
        ModuleDef top = d.topModule();
        Instance inner = top.instances().getFirst();
        assertTrue(inner.bindings().contains(new Instance.Input("req_addr", new Expr.Ref("inner_req_addr", SignalType.unsigned(12)))),
                inner.bindings().toString());
        assertTrue(top.assigns().stream().anyMatch(a -> a.target().equals("inner_req_addr")
                && a.value().equals(new Expr.Ref("req_addr", SignalType.unsigned(12)))), top.assigns().toString());
        assertTrue(top.assigns().stream().anyMatch(a -> a.target().equals("req_ack")
                && a.value().equals(new Expr.Ref("inner_req_ack", SignalType.BIT))), "the flipped field flows back: " + top.assigns());
    }

    @Test
    void connectingDifferentSpecsIsAnErrorAtTheCallersLine() {
        int[] line = new int[1];
        DesignException e = assertThrows(DesignException.class, () -> Elaborator.elaborate(new Component("mismatch") {
            {
                Bundle a = inBundle("a", REQUEST);
                Bundle b = outBundle("b", REQUEST.with(Field.of("extra", 2)));
                line[0] = Lines.here(); b.connectFrom(a);
                a.get("ack").set(0);
            }
        }));
        String message = e.getMessage();
        assertTrue(message.contains("BundleTest.java:" + line[0] + ": error: [mismatch.b]"), message);
        assertTrue(message.contains("cannot connect bundle 'b' {addr:12, delta:s4, ~ack:1, extra:2} from bundle 'a'"), message);
    }

    @Test
    void unknownFieldNamesTheBundleAndItsFields() {
        int[] line = new int[1];
        DesignException e = assertThrows(DesignException.class, () -> new Component("typo") {
            {
                Bundle a = inBundle("a", REQUEST);
                line[0] = Lines.here(); a.get("adr");
            }
        });
        assertTrue(e.getMessage().contains("BundleTest.java:" + line[0] + ": error: [typo.a] bundle 'a' has no field 'adr'; "
                + "its fields are {addr:12, delta:s4, ~ack:1}"), e.getMessage());
    }

    @Test
    void packsAndUnpacksForwardFieldsFirstFieldHighest() {
        ModuleDef m = Elaborator.elaborate(new Component("packer") {
            {
                Bundle a = inBundle("a", REQUEST);
                a.get("ack").set(0);
                Bundle b = outBundle("b", REQUEST);
                b.setFromBits(a.asBits());
                dev.nvmekit.rtl.dsl.Signal packed = out("word", 16);
                packed.set(a.asBits());
            }
        }).design().topModule();
        Expr packed = m.assigns().stream().filter(a -> a.target().equals("word")).findFirst().orElseThrow().value();
        assertEquals(new Expr.Concat(List.of(new Expr.Ref("a_addr", SignalType.unsigned(12)),
                new Expr.Cast(new Expr.Ref("a_delta", SignalType.signed(4)), SignalType.unsigned(4))), SignalType.unsigned(16)), packed);
        Expr delta = m.assigns().stream().filter(a -> a.target().equals("b_delta")).findFirst().orElseThrow().value();
        assertEquals(SignalType.signed(4), delta.type());
    }

    @Test
    void settingFromBitsOfTheWrongWidthIsAnError() {
        int[] line = new int[1];
        DesignException e = assertThrows(DesignException.class, () -> Elaborator.elaborate(new Component("narrow") {
            {
                Bundle b = outBundle("b", REQUEST);
                line[0] = Lines.here(); b.setFromBits(lit(0, 15));
            }
        }));
        assertTrue(e.getMessage().contains("BundleTest.java:" + line[0] + ": error: [narrow.b] bundle 'b' packs into 16 bits but is set from 15 bits"),
                e.getMessage());
    }

    @Test
    void repeatedFieldNamesAreDuplicateSignals() {
        DesignException e = assertThrows(DesignException.class, () -> Elaborator.elaborate(new Component("twice") {
            {
                Bundle b = wireBundle("w", BundleSpec.of(Field.of("x", 1), Field.of("x", 2)));
                b.get("x").set(0);
            }
        }));
        assertTrue(e.getMessage().contains("duplicate name 'w_x'"), e.getMessage());
    }
}
