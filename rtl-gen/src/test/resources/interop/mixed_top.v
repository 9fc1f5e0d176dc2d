// Hand-written multi-module test design for the Verilog importer: a parameterised
// accumulator child, a RAM with byte enables and a read-first synchronous read, an
// asynchronously read lookup table, a generate loop, a case statement and several
// always blocks. Plain Verilog-2005.
module accumulator #(parameter WIDTH = 8) (
  input  wire             clk,
  input  wire             rst,
  input  wire             enable,
  input  wire [WIDTH-1:0] step,
  output reg  [WIDTH-1:0] total
);
  always @(posedge clk) begin
    if (rst) total <= {WIDTH{1'b0}};
    else if (enable) total <= total + step;
  end
endmodule

module mixed_top #(parameter LANES = 4) (
  input  wire        clk,
  input  wire        rst,
  input  wire        we,
  input  wire [3:0]  waddr,
  input  wire [15:0] wdata,
  input  wire [1:0]  wbe,
  input  wire [3:0]  raddr,
  input  wire [1:0]  op,
  input  wire [7:0]  a,
  input  wire signed [7:0] b,
  output reg  [15:0] rdata,
  output wire [7:0]  acc,
  output reg  [7:0]  alu,
  output wire [LANES-1:0] parity,
  output wire        lt_signed,
  output wire [7:0]  shifted,
  output wire [7:0]  lut_out
);
  reg [15:0] ram [0:15];
  reg [7:0]  lut [0:3];
  integer i;
  initial begin
    for (i = 0; i < 4; i = i + 1) lut[i] = 8'h11 * (i + 1);
  end

  always @(posedge clk) begin
    if (we && wbe[0]) ram[waddr][7:0]  <= wdata[7:0];
    if (we && wbe[1]) ram[waddr][15:8] <= wdata[15:8];
  end
  always @(posedge clk) rdata <= ram[raddr];

  always @(*) begin
    case (op)
      2'd0: alu = a + b;
      2'd1: alu = a - b;
      2'd2: alu = a & b;
      default: alu = a ^ {b[3:0], b[7:4]};
    endcase
  end

  accumulator #(.WIDTH(8)) acc_u (.clk(clk), .rst(rst), .enable(we), .step(a), .total(acc));

  genvar g;
  generate
    for (g = 0; g < LANES; g = g + 1) begin : lane
      assign parity[g] = ^wdata[4*g +: 4];
    end
  endgenerate

  assign lt_signed = $signed(a) < b;
  assign shifted = (b >>> op) ^ (a << raddr[2:0]);
  assign lut_out = lut[raddr[1:0]];
endmodule
