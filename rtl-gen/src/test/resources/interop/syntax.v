// Not importable: a syntax error on line 4.
module broken (input wire a, output wire y);
  assign y = a
  wire oops;
endmodule
