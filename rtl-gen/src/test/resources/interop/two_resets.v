// Not importable: two asynchronous resets on one clock.
module two_resets (input wire clk, input wire rst_a, input wire rst_b, input wire d, output reg p, output reg q);
  always @(posedge clk or posedge rst_a) if (rst_a) p <= 1'b0; else p <= d;
  always @(posedge clk or posedge rst_b) if (rst_b) q <= 1'b0; else q <= ~d;
endmodule
