package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.SourceLocation;

/**
 * Who records an assignment and where: a signal's own component for its wires, registers and
 * outputs; the parent for a child's input port (onto the net {@code <instance>_<port>}). Checks
 * the types match exactly and that nothing assigns what another driver owns.
 */
final class Assignment {
    private Assignment() {
    }

    static void record(Component owner, Signal target, Value value, SourceLocation at) {
        Component assigner = owner;
        Component parent = owner.parentComponent();
        Signal local = target;
        switch (target.kind()) {
            case INPUT -> {
                if (parent == null || !parent.childPortNets().containsKey(target)) {
                    owner.reportError(at, target.name(), "input port '" + target.name() + "' cannot be assigned inside its own component; "
                            + "its driver is outside (set it from the parent after instance())");
                    return;
                }
                assigner = parent;
                local = parent.childPortNets().get(target);
            }
            case MEMORY_READ -> {
                owner.reportError(at, target.name(), "'" + target.name() + "' is the read data of a memory and cannot be assigned");
                return;
            }
            case OUTPUT -> {
                // Once placed, the child's constructor is done: a set() now comes from the parent.
                if (parent != null && parent.childPortNets().containsKey(target)) {
                    parent.reportError(at, parent.childPortNets().get(target).name(), "output '" + target.name() + "' of instance '"
                            + owner.instanceName() + "' is driven by the instance; it cannot also be assigned here");
                    return;
                }
            }
            default -> {
            }
        }
        if (!value.type().equals(local.type())) {
            String hint = value.isSigned() != local.isSigned() ? "convert with asSigned()/asUnsigned()"
                    : value.width() > local.width() ? "it would be truncated; use truncate(" + local.width() + ") or resize(" + local.width() + ")"
                    : "widen it with resize(" + local.width() + ")";
            assigner.reportError(at, local.name(), "width mismatch: '" + local.name() + "' is " + local.type()
                    + " but is assigned " + value.type() + "; " + hint);
            return;
        }
        Expr e = assigner.localExpr(value, at);
        assigner.currentBlock().items.add(new Statement.Assign(local, e, at));
    }
}
