// Hand-written Verilog used as a blackbox by the Verilator backend tests.
module external_counter #(
  parameter WIDTH = 4
) (
  input  wire             clk,
  input  wire             rst,
  input  wire             enable,
  output reg  [WIDTH-1:0] count
);
  always @(posedge clk) begin
    if (rst) count <= {WIDTH{1'b0}};
    else if (enable) count <= count + {{(WIDTH-1){1'b0}}, 1'b1};
  end
endmodule
