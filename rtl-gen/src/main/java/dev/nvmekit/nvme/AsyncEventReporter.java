package dev.nvmekit.nvme;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Value;

/**
 * Reports doorbell errors to the back end on {@code aer_} (contract §3.8), which turns them into
 * Asynchronous Event Request completions of type Error status (NVMe Base Specification 2.0,
 * §5.2 "Asynchronous Event Request": 00h Write to Invalid Doorbell Register, 01h Invalid
 * Doorbell Write Value). It holds one event; while it does, the register file takes no further
 * doorbell, so no event is ever dropped.
 */
public final class AsyncEventReporter extends Component {
    /** Error events from the SQ and CQ doorbell checks; never both in one cycle (one doorbell at a time). */
    public final Signal sqValid, sqInfo, sqQid, cqValid, cqInfo, cqQid;
    public final Signal aerValid, aerReady, aerType, aerInfo, aerQid, busy;

    public AsyncEventReporter() {
        sqValid = in("sq_valid", 1);
        sqInfo = in("sq_info", 8);
        sqQid = in("sq_qid", 16);
        cqValid = in("cq_valid", 1);
        cqInfo = in("cq_info", 8);
        cqQid = in("cq_qid", 16);
        aerValid = out("aer_valid", 1);
        aerReady = in("aer_ready", 1);
        aerType = out("aer_type", 3);
        aerInfo = out("aer_info", 8);
        aerQid = out("aer_qid", 16);
        busy = out("busy", 1);

        Reg valid = reg("valid", 1).init(0);
        Reg info = reg("info", 8).init(0);
        Reg qid = reg("qid", 16).init(0);
        Value any = sqValid.or(cqValid);
        when(any, () -> {
            valid.set(1);
            info.set(mux(sqValid, sqInfo, cqInfo));
            qid.set(mux(sqValid, sqQid, cqQid));
        }).elseWhen(aerReady, () -> valid.set(0));
        aerValid.set(valid);
        aerType.set(0); // Error status
        aerInfo.set(info);
        aerQid.set(qid);
        busy.set(valid);
    }
}
