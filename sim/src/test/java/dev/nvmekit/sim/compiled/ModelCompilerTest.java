package dev.nvmekit.sim.compiled;

import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.sim.bench.LfsrMesh;
import dev.nvmekit.sim.netlist.Flattener;
import org.junit.jupiter.api.Test;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCompilerTest {
    /** HotSpot does not JIT-compile methods over 8000 bytes of bytecode; the JVM rejects over 65535. */
    @Test
    void largeDesignIsCutIntoJitSizedMethods() {
        var net = Flattener.flatten(Elaborator.elaborate(new LfsrMesh(400)).design());
        assertTrue(net.exprNodes() >= 10_000);
        ModelCompiler.Compiled c = ModelCompiler.compile(net);
        ClassModel model = ClassFile.of().parse(c.classBytes());
        int largest = 0;
        for (MethodModel m : model.methods()) {
            CodeModel code = m.code().orElseThrow();
            largest = Math.max(largest, ((CodeAttribute) code).codeLength());
        }
        assertTrue(model.methods().size() > 20, model.methods().size() + " methods");
        assertTrue(largest < 8000, "largest method has " + largest + " bytes");
    }
}
