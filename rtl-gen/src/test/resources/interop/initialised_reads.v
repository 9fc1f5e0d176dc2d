// Hand-written test design for the Verilog importer: memory read registers with initial
// values. Yosys merges such a register into the memory's read port and keeps its initial value
// as the port's RD_INIT_VALUE, which the read data must show until the port first updates:
// a plain read, one with an enable, and one with a synchronous clear.
module initialised_reads (
  input  wire       clk,
  input  wire       rst,
  input  wire       we,
  input  wire [2:0] wa,
  input  wire [7:0] wd,
  input  wire [2:0] ra,
  input  wire       en,
  output reg  [7:0] q_plain,
  output reg  [7:0] q_en,
  output reg  [7:0] q_clr
);
  reg [7:0] m [0:7];
  integer i;
  initial begin
    for (i = 0; i < 8; i = i + 1) m[i] = 8'h10 + i;
    q_plain = 8'h5A;
    q_en = 8'hC3;
    q_clr = 8'h81;
  end
  always @(posedge clk) if (we) m[wa] <= wd;
  always @(posedge clk) q_plain <= m[ra];
  always @(posedge clk) if (en) q_en <= m[ra ^ 3'd1];
  always @(posedge clk) begin
    if (rst) q_clr <= 8'h00;
    else if (en) q_clr <= m[ra ^ 3'd2];
  end
endmodule

// A gated clock: refused, since IR clocks are input ports.
module gated_clock (
  input  wire       clk,
  input  wire       gate,
  input  wire [3:0] d,
  output reg  [3:0] q
);
  wire gclk = clk & gate;
  always @(posedge gclk) q <= d;
endmodule
