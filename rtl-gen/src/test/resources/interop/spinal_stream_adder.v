// Generator : SpinalHDL-style output, written by hand for the nvmekit interop tests.
// It follows SpinalHDL's Verilog conventions: the component's io bundle flattened with the
// io_ prefix, Stream(Bundle) ports as io_<name>_valid / _ready / _payload_<field>, a Flow
// without ready, and the default ClockDomain's clk and reset (asynchronous, active high).
// Component : StreamAdder
//   io.cmd : slave Stream(Bundle { a: UInt(8 bits); b: UInt(8 bits) })
//   io.rsp : master Stream(UInt(9 bits))  (one register stage, halfPipe-free m2sPipe)
//   io.total : master Flow(UInt(16 bits)) (running sum of every result, valid on each fire)

`timescale 1ns/1ps

module StreamAdder (
  input  wire          io_cmd_valid,
  output wire          io_cmd_ready,
  input  wire [7:0]    io_cmd_payload_a,
  input  wire [7:0]    io_cmd_payload_b,
  output wire          io_rsp_valid,
  input  wire          io_rsp_ready,
  output wire [8:0]    io_rsp_payload,
  output wire          io_total_valid,
  output wire [15:0]   io_total_payload,
  input  wire          clk,
  input  wire          reset
);

  reg                 rsp_valid;
  reg        [8:0]    rsp_payload;
  reg        [15:0]   total;
  reg                 total_valid;
  wire                cmd_fire;

  assign io_cmd_ready = ((! rsp_valid) || io_rsp_ready);
  assign cmd_fire = (io_cmd_valid && io_cmd_ready);
  assign io_rsp_valid = rsp_valid;
  assign io_rsp_payload = rsp_payload;
  assign io_total_valid = total_valid;
  assign io_total_payload = total;
  always @(posedge clk or posedge reset) begin
    if(reset) begin
      rsp_valid <= 1'b0;
      total <= 16'h0;
      total_valid <= 1'b0;
    end else begin
      total_valid <= cmd_fire;
      if(io_cmd_ready) begin
        rsp_valid <= io_cmd_valid;
      end
      if(cmd_fire) begin
        total <= (total + {7'd0, ({1'b0,io_cmd_payload_a} + {1'b0,io_cmd_payload_b})});
      end
    end
  end

  always @(posedge clk) begin
    if(cmd_fire) begin
      rsp_payload <= ({1'b0,io_cmd_payload_a} + {1'b0,io_cmd_payload_b});
    end
  end

endmodule
