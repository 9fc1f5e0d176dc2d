package dev.nvmekit.testbench.firmware;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;

/**
 * A stand-in for {@code nvme_frontend}'s back-end side, in the DSL: the contract's cmd_, cpl_,
 * qm_, aer_ and ctrl_ ports with the same names, directions and widths, each wired straight to
 * a {@code tb_} port on the other side so a test can play the front end. It lets the firmware's
 * port agent run in a real simulation before any host-side models exist.
 */
final class BackEndPortStub extends Component {
    BackEndPortStub() {
        Reg cycles = reg("cycles", 32).init(0);
        cycles.set(cycles.add(1));
        out("tb_cycles", 32).set(cycles);

        toFirmware("cmd_valid", 1);
        toFirmware("cmd_sqid", 16);
        toFirmware("cmd_sqe", 512);
        fromFirmware("cmd_ready", 1);

        for (String p : new String[] {"cpl_valid:1", "cpl_sqid:16", "cpl_cid:16", "cpl_status:15", "cpl_dw0:32", "cpl_dw1:32"}) {
            fromFirmware(p.split(":")[0], Integer.parseInt(p.split(":")[1]));
        }
        toFirmware("cpl_ready", 1);

        for (String p : new String[] {"qm_req_valid:1", "qm_req_op:3", "qm_req_qid:16", "qm_req_base:64", "qm_req_size:16",
                "qm_req_cqid:16", "qm_req_qprio:2", "qm_req_ien:1", "qm_req_iv:16", "qm_req_thr:8", "qm_req_time:8",
                "qm_rsp_ready:1"}) {
            fromFirmware(p.split(":")[0], Integer.parseInt(p.split(":")[1]));
        }
        toFirmware("qm_req_ready", 1);
        toFirmware("qm_rsp_valid", 1);
        toFirmware("qm_rsp_status", 15);

        toFirmware("aer_valid", 1);
        toFirmware("aer_type", 3);
        toFirmware("aer_info", 8);
        toFirmware("aer_qid", 16);
        fromFirmware("aer_ready", 1);

        toFirmware("ctrl_enabled", 1);
        toFirmware("ctrl_mps", 4);
        toFirmware("ctrl_shutdown_req", 1);
        fromFirmware("ctrl_shutdown_done", 1);
        fromFirmware("ctrl_fatal", 1);
    }

    /** A front-end output: the test drives {@code tb_<name>}. */
    private void toFirmware(String name, int width) {
        Signal tb = in("tb_" + name, width);
        out(name, width).set(tb);
    }

    /** A front-end input: the test reads it back as {@code tb_<name>}. */
    private void fromFirmware(String name, int width) {
        Signal fw = in(name, width);
        out("tb_" + name, width).set(fw);
    }
}
