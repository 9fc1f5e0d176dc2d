// Hand-written test design for the Verilog importer's wide memories: a 72-bit RAM (wider
// than 64 bits) written with per-bit masks and read through a registered address (Yosys makes
// a transparent, write-first read port of it); a 128-bit RAM with byte enables, a read-first
// synchronous read and an asynchronous read; and an 8-bit RAM read and written two adjacent
// words at a time, which Yosys merges into wide ports (one $mem_v2 port of two sub-ports),
// with a single-word clear that takes priority over the pair write. Plain Verilog-2005.
module wide_memory (
  input  wire         clk,
  input  wire         we72,
  input  wire [3:0]   wa72,
  input  wire [71:0]  wd72,
  input  wire [71:0]  wm72,
  input  wire [3:0]   ra72,
  output wire [71:0]  q72,
  input  wire         we128,
  input  wire [2:0]   wa128,
  input  wire [127:0] wd128,
  input  wire [15:0]  be128,
  input  wire [2:0]   ra128,
  output reg  [127:0] q128,
  output wire [127:0] a128,
  input  wire         wep,
  input  wire         clr,
  input  wire [2:0]   wap,
  input  wire [15:0]  wdp,
  input  wire [2:0]   rap,
  output reg  [15:0]  qp,
  output wire [7:0]   qodd
);
  reg [71:0]  m72  [0:15];
  reg [127:0] m128 [0:7];
  reg [7:0]   mp   [0:15];
  reg [3:0]   ra72_q;
  integer i;

  initial begin
    for (i = 0; i < 16; i = i + 1) begin
      m72[i] = {8'hA5, 64'h0123_4567_89AB_CDEF} ^ (i * 72'h1_0000_0001_0000_0001);
      mp[i] = 8'h30 + i;
    end
    for (i = 0; i < 8; i = i + 1) m128[i] = {4{32'hDEAD_0000 + i}};
  end

  always @(posedge clk) begin
    for (i = 0; i < 72; i = i + 1) begin
      if (we72 && wm72[i]) m72[wa72][i] <= wd72[i];
    end
    ra72_q <= ra72;
  end
  assign q72 = m72[ra72_q];

  always @(posedge clk) begin
    if (we128) begin
      for (i = 0; i < 16; i = i + 1) begin
        if (be128[i]) m128[wa128][8*i +: 8] <= wd128[8*i +: 8];
      end
    end
    q128 <= m128[ra128];
  end
  assign a128 = m128[ra128 ^ 3'd5];

  always @(posedge clk) begin
    if (wep) begin
      mp[{wap, 1'b0}] <= wdp[7:0];
      mp[{wap, 1'b1}] <= wdp[15:8];
    end
    if (clr) mp[{wap, 1'b1}] <= 8'h00;
    qp <= {mp[{rap, 1'b1}], mp[{rap, 1'b0}]};
  end
  assign qodd = mp[{rap, 1'b1}];
endmodule
