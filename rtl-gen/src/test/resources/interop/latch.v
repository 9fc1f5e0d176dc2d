// Not importable: an incomplete combinational always block infers a latch.
module latchy (input wire en, input wire [3:0] d, output reg [3:0] q);
  always @(*) begin
    if (en) q = d;
  end
endmodule
