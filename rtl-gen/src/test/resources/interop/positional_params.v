// Hand-written test design for the Verilog importer: parameter overrides by position
// (IEEE 1364-2005 12.2.2.1, "mod #(8, 2) u (...)"), which take the module's parameters in
// declaration order; a Verilog-1995 style module whose parameters are declared in its body;
// an override list shorter than the parameter list (the rest keep their defaults); and a
// named override beside them for comparison.
module scaler #(parameter WIDTH = 4, parameter SHIFT = 1, parameter OFFSET = 0) (
  input  wire [WIDTH-1:0] a,
  output wire [WIDTH-1:0] y
);
  localparam MASK = {WIDTH{1'b1}};
  assign y = ((a << SHIFT) + OFFSET) & MASK;
endmodule

module legacy_mul (a, y);
  parameter WIDTH = 4;
  parameter FACTOR = 3;
  input  [WIDTH-1:0] a;
  output [WIDTH-1:0] y;
  assign y = a * FACTOR;
endmodule

module stepper #(parameter WIDTH = 4, parameter STEP = 1) (
  input  wire             clk,
  input  wire             rst,
  input  wire             en,
  output reg  [WIDTH-1:0] count
);
  always @(posedge clk) begin
    if (rst) count <= {WIDTH{1'b0}};
    else if (en) count <= count + STEP;
  end
endmodule

module positional_top (
  input  wire        clk,
  input  wire        rst,
  input  wire        en,
  input  wire [7:0]  a,
  output wire [7:0]  y_shift2,
  output wire [7:0]  y_offset,
  output wire [11:0] y_wide,
  output wire [7:0]  y_named,
  output wire [7:0]  y_mul,
  output wire [5:0]  count
);
  scaler #(8, 2) shift2 (.a(a), .y(y_shift2));               // WIDTH 8, SHIFT 2, OFFSET 0
  scaler #(8, 0, 8'd5) offset (.a(a), .y(y_offset));         // all three by position
  scaler #(12) wide (.a({a, a[3:0]}), .y(y_wide));            // WIDTH only; SHIFT stays 1
  scaler #(.OFFSET(3), .WIDTH(8)) named (.a(a), .y(y_named)); // by name, out of order
  legacy_mul #(8, 5) mul (.a(a), .y(y_mul));                  // body parameters, by position
  stepper #(6, 3) step (.clk(clk), .rst(rst), .en(en), .count(count));
endmodule

// Four values for a module with three parameters: refused, at this instance.
module too_many_overrides (
  input  wire [7:0] a,
  output wire [7:0] y
);
  scaler #(8, 2, 0, 1) bad (.a(a), .y(y));
endmodule
