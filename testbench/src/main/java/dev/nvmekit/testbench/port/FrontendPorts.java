package dev.nvmekit.testbench.port;

import java.util.List;

/**
 * The port names of the generated {@code nvme_frontend} top, exactly as the integration contract
 * (shared/spec/nvme-frontend-ports.md, §3) spells them, grouped into handshake channels so that
 * bus-functional models and monitors share one vocabulary. A test design that implements only
 * part of the contract (an AXI-Lite register file, an AXI master) uses the same names.
 */
public final class FrontendPorts {
    private FrontendPorts() {
    }

    public static final String CLK = "clk";
    public static final String RST = "rst";

    /**
     * One valid/ready channel: its name in traces, the valid and ready ports, which side drives
     * valid, and the payload ports.
     *
     * @param name      the channel's name in traces, e.g. {@code "m_axi_ar"}
     * @param fromDut   whether the design drives valid (and the bench drives ready)
     */
    public record Channel(String name, String valid, String ready, boolean fromDut, List<String> payload) {
        public Channel {
            payload = List.copyOf(payload);
        }
    }

    // §3.2 BAR0 register port, AXI4-Lite slave of the design.
    public static final Channel S_AXIL_AW = new Channel("s_axil_aw", "s_axil_awvalid", "s_axil_awready", false,
            List.of("s_axil_awaddr"));
    public static final Channel S_AXIL_W = new Channel("s_axil_w", "s_axil_wvalid", "s_axil_wready", false,
            List.of("s_axil_wdata", "s_axil_wstrb"));
    public static final Channel S_AXIL_B = new Channel("s_axil_b", "s_axil_bvalid", "s_axil_bready", true,
            List.of("s_axil_bresp"));
    public static final Channel S_AXIL_AR = new Channel("s_axil_ar", "s_axil_arvalid", "s_axil_arready", false,
            List.of("s_axil_araddr"));
    public static final Channel S_AXIL_R = new Channel("s_axil_r", "s_axil_rvalid", "s_axil_rready", true,
            List.of("s_axil_rdata", "s_axil_rresp"));

    // §3.3 host memory port, AXI4 master of the design.
    public static final Channel M_AXI_AR = new Channel("m_axi_ar", "m_axi_arvalid", "m_axi_arready", true,
            List.of("m_axi_araddr", "m_axi_arlen", "m_axi_arsize", "m_axi_arburst", "m_axi_arid"));
    public static final Channel M_AXI_R = new Channel("m_axi_r", "m_axi_rvalid", "m_axi_rready", false,
            List.of("m_axi_rdata", "m_axi_rresp", "m_axi_rlast", "m_axi_rid"));
    public static final Channel M_AXI_AW = new Channel("m_axi_aw", "m_axi_awvalid", "m_axi_awready", true,
            List.of("m_axi_awaddr", "m_axi_awlen", "m_axi_awsize", "m_axi_awburst", "m_axi_awid"));
    public static final Channel M_AXI_W = new Channel("m_axi_w", "m_axi_wvalid", "m_axi_wready", true,
            List.of("m_axi_wdata", "m_axi_wstrb", "m_axi_wlast"));
    public static final Channel M_AXI_B = new Channel("m_axi_b", "m_axi_bvalid", "m_axi_bready", false,
            List.of("m_axi_bresp", "m_axi_bid"));

    // §3.4 interrupt requests.
    public static final Channel IRQ = new Channel("irq", "irq_valid", "irq_ready", true, List.of("irq_vector"));

    // §3.5-3.8 back-end ports.
    public static final Channel CMD = new Channel("cmd", "cmd_valid", "cmd_ready", true, List.of("cmd_sqid", "cmd_sqe"));
    public static final Channel CPL = new Channel("cpl", "cpl_valid", "cpl_ready", false,
            List.of("cpl_sqid", "cpl_cid", "cpl_status", "cpl_dw0", "cpl_dw1"));
    public static final Channel QM_REQ = new Channel("qm_req", "qm_req_valid", "qm_req_ready", false,
            List.of("qm_req_op", "qm_req_qid", "qm_req_base", "qm_req_size", "qm_req_cqid", "qm_req_qprio",
                    "qm_req_ien", "qm_req_iv", "qm_req_thr", "qm_req_time"));
    public static final Channel QM_RSP = new Channel("qm_rsp", "qm_rsp_valid", "qm_rsp_ready", true,
            List.of("qm_rsp_status"));
    public static final Channel AER = new Channel("aer", "aer_valid", "aer_ready", true,
            List.of("aer_type", "aer_info", "aer_qid"));

    /** Every handshake channel of the contract. */
    public static final List<Channel> CHANNELS = List.of(S_AXIL_AW, S_AXIL_W, S_AXIL_B, S_AXIL_AR, S_AXIL_R,
            M_AXI_AR, M_AXI_R, M_AXI_AW, M_AXI_W, M_AXI_B, IRQ, CMD, CPL, QM_REQ, QM_RSP, AER);

    // §3.9 controller state levels.
    public static final String CTRL_ENABLED = "ctrl_enabled";
    public static final String CTRL_MPS = "ctrl_mps";
    public static final String CTRL_SHUTDOWN_REQ = "ctrl_shutdown_req";
    public static final String CTRL_SHUTDOWN_DONE = "ctrl_shutdown_done";
    public static final String CTRL_FATAL = "ctrl_fatal";

    /** The level signals of §3.9, recorded by monitors when they change. */
    public static final List<String> LEVELS = List.of(CTRL_ENABLED, CTRL_MPS, CTRL_SHUTDOWN_REQ,
            CTRL_SHUTDOWN_DONE, CTRL_FATAL);

    /** AXI response codes (AXI4 spec, xRESP). */
    public static final int RESP_OKAY = 0b00;
    public static final int RESP_EXOKAY = 0b01;
    public static final int RESP_SLVERR = 0b10;
    public static final int RESP_DECERR = 0b11;
    /** AXI burst type INCR, the only one the contract uses. */
    public static final int BURST_INCR = 0b01;
}
