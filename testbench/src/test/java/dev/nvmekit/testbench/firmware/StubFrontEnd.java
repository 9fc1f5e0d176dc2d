package dev.nvmekit.testbench.firmware;

import dev.nvmekit.sim.Simulator;
import dev.nvmekit.testbench.bench.CycleAgent;
import dev.nvmekit.testbench.nvme.CompletionStatus;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays the front end on {@link BackEndPortStub}'s {@code tb_} ports: offers SQEs, takes
 * completions (optionally stalling), answers queue-management requests a few cycles later,
 * raises events, and drives the ctrl_ levels. It also checks the firmware keeps every valid
 * payload stable until its transfer. Test scaffolding only.
 */
final class StubFrontEnd implements CycleAgent {
    record Sqe(int sqid, SubmissionQueueEntry sqe) {
    }

    record Event(int type, int info, int qid) {
    }

    final ArrayDeque<Sqe> toSend = new ArrayDeque<>();
    final ArrayDeque<Event> events = new ArrayDeque<>();
    final List<Completion> completions = new ArrayList<>();
    final List<QueueManagementRequest> requests = new ArrayList<>();
    final List<String> violations = new ArrayList<>();
    CompletionStatus qmAnswer = CompletionStatus.SUCCESS;
    boolean enabled;
    boolean shutdownRequest;
    boolean stallCompletions;
    boolean shutdownDone;
    boolean fatal;
    int cyclesCmdStalled;
    private final ArrayDeque<Long> responsesDue = new ArrayDeque<>();
    private Completion lastOffered;
    private long cycle;

    @Override
    public void drive(Simulator sim) {
        Sqe head = toSend.peek();
        sim.poke("tb_cmd_valid", head != null ? 1 : 0);
        if (head != null) {
            sim.poke("tb_cmd_sqid", head.sqid());
            sim.poke("tb_cmd_sqe", head.sqe().toBusWord());
        }
        sim.poke("tb_cpl_ready", stallCompletions ? 0 : 1);
        sim.poke("tb_qm_req_ready", 1);
        boolean respond = !responsesDue.isEmpty() && responsesDue.peek() <= cycle;
        sim.poke("tb_qm_rsp_valid", respond ? 1 : 0);
        sim.poke("tb_qm_rsp_status", qmAnswer.toField());
        Event e = events.peek();
        sim.poke("tb_aer_valid", e != null ? 1 : 0);
        if (e != null) {
            sim.poke("tb_aer_type", e.type());
            sim.poke("tb_aer_info", e.info());
            sim.poke("tb_aer_qid", e.qid());
        }
        sim.poke("tb_ctrl_enabled", enabled ? 1 : 0);
        sim.poke("tb_ctrl_mps", 0);
        sim.poke("tb_ctrl_shutdown_req", shutdownRequest ? 1 : 0);
    }

    @Override
    public void sample(Simulator sim) {
        if (!toSend.isEmpty()) {
            if (sim.peek("tb_cmd_ready") != 0) {
                toSend.poll();
            } else {
                cyclesCmdStalled++;
            }
        }
        if (sim.peek("tb_cpl_valid") != 0) {
            Completion c = new Completion((int) sim.peek("tb_cpl_sqid"), (int) sim.peek("tb_cpl_cid"),
                    CompletionStatus.fromField((int) sim.peek("tb_cpl_status")), (int) sim.peek("tb_cpl_dw0"),
                    (int) sim.peek("tb_cpl_dw1"));
            if (lastOffered != null && !lastOffered.equals(c)) {
                violations.add("cycle " + cycle + ": completion changed from " + lastOffered + " to " + c + " before transfer");
            }
            if (!stallCompletions) {
                completions.add(c);
                lastOffered = null;
            } else {
                lastOffered = c;
            }
        } else if (lastOffered != null) {
            violations.add("cycle " + cycle + ": cpl_valid dropped before transfer");
            lastOffered = null;
        }
        if (sim.peek("tb_qm_req_valid") != 0) {
            requests.add(new QueueManagementRequest(QueueManagementRequest.Op.values()[(int) sim.peek("tb_qm_req_op")],
                    (int) sim.peek("tb_qm_req_qid"), sim.peekBig("tb_qm_req_base").longValue(),
                    (int) sim.peek("tb_qm_req_size"), (int) sim.peek("tb_qm_req_cqid"), (int) sim.peek("tb_qm_req_qprio"),
                    sim.peek("tb_qm_req_ien") != 0, (int) sim.peek("tb_qm_req_iv"), (int) sim.peek("tb_qm_req_thr"),
                    (int) sim.peek("tb_qm_req_time")));
            responsesDue.add(cycle + 3);
        }
        if (!responsesDue.isEmpty() && responsesDue.peek() <= cycle && sim.peek("tb_qm_rsp_ready") != 0) {
            responsesDue.poll();
        }
        if (!events.isEmpty() && sim.peek("tb_aer_ready") != 0) {
            events.poll();
        }
        shutdownDone = sim.peek("tb_ctrl_shutdown_done") != 0;
        fatal = sim.peek("tb_ctrl_fatal") != 0;
        cycle++;
    }
}
