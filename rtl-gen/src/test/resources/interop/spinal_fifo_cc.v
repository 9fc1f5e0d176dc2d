// Generator : SpinalHDL-style output, written by hand for the nvmekit interop tests.
// It follows SpinalHDL's Verilog conventions for a component with two clock domains, each
// from ClockDomain.external(name, config): ports <name>_clk and <name>_reset (or _resetn when
// the reset is active low), io_ prefix, Stream ports as io_<name>_valid / _ready / _payload.
// Component : StreamFifoCC (a small dual-clock FIFO, as spinal.lib.StreamFifoCC builds it)
//   push domain : ClockDomain.external("push")   -- asynchronous reset, active high (default)
//   pop domain  : ClockDomain.external("pop", ClockDomainConfig(resetKind = SYNC, resetActiveLevel = LOW))
//   io.push : slave Stream(UInt(8 bits))  in the push domain
//   io.pop  : master Stream(UInt(8 bits)) in the pop domain
//   io.pushOccupancy / io.popOccupancy : UInt(3 bits), each in its own domain
// Gray-coded pointers cross the domains through two-register synchronisers (BufferCC).

`timescale 1ns/1ps

module StreamFifoCC (
  input  wire          io_push_valid,
  output wire          io_push_ready,
  input  wire [7:0]    io_push_payload,
  output wire          io_pop_valid,
  input  wire          io_pop_ready,
  output wire [7:0]    io_pop_payload,
  output wire [2:0]    io_pushOccupancy,
  output wire [2:0]    io_popOccupancy,
  input  wire          push_clk,
  input  wire          push_reset,
  input  wire          pop_clk,
  input  wire          pop_resetn
);

  reg        [7:0]    ram [0:3];
  reg        [2:0]    pushCC_pushPtr;
  reg        [2:0]    pushCC_pushPtrGray;
  reg        [2:0]    popToPushGray_buffers_0;
  reg        [2:0]    popToPushGray_buffers_1;
  reg        [2:0]    popCC_popPtr;
  reg        [2:0]    popCC_popPtrGray;
  reg        [2:0]    pushToPopGray_buffers_0;
  reg        [2:0]    pushToPopGray_buffers_1;
  wire       [2:0]    pushCC_pushPtrPlus;
  wire                pushCC_full;
  wire                io_push_fire;
  wire       [2:0]    pushCC_popPtrBin;
  wire       [2:0]    popCC_popPtrPlus;
  wire                popCC_empty;
  wire                io_pop_fire;
  wire       [2:0]    popCC_pushPtrBin;

  // push domain
  assign pushCC_full = (pushCC_pushPtrGray == {(~ popToPushGray_buffers_1[2 : 1]),popToPushGray_buffers_1[0]});
  assign io_push_ready = (! pushCC_full);
  assign io_push_fire = (io_push_valid && io_push_ready);
  assign pushCC_pushPtrPlus = (pushCC_pushPtr + 3'b001);
  assign pushCC_popPtrBin = {popToPushGray_buffers_1[2],{(popToPushGray_buffers_1[2] ^ popToPushGray_buffers_1[1]),((popToPushGray_buffers_1[2] ^ popToPushGray_buffers_1[1]) ^ popToPushGray_buffers_1[0])}};
  assign io_pushOccupancy = (pushCC_pushPtr - pushCC_popPtrBin);
  always @(posedge push_clk) begin
    if(io_push_fire) begin
      ram[pushCC_pushPtr[1:0]] <= io_push_payload;
    end
  end

  always @(posedge push_clk or posedge push_reset) begin
    if(push_reset) begin
      pushCC_pushPtr <= 3'b000;
      pushCC_pushPtrGray <= 3'b000;
      popToPushGray_buffers_0 <= 3'b000;
      popToPushGray_buffers_1 <= 3'b000;
    end else begin
      if(io_push_fire) begin
        pushCC_pushPtr <= pushCC_pushPtrPlus;
        pushCC_pushPtrGray <= (pushCC_pushPtrPlus ^ (pushCC_pushPtrPlus >>> 1'b1));
      end
      popToPushGray_buffers_0 <= popCC_popPtrGray;
      popToPushGray_buffers_1 <= popToPushGray_buffers_0;
    end
  end

  // pop domain
  assign popCC_empty = (popCC_popPtrGray == pushToPopGray_buffers_1);
  assign io_pop_valid = (! popCC_empty);
  assign io_pop_payload = ram[popCC_popPtr[1:0]];
  assign io_pop_fire = (io_pop_valid && io_pop_ready);
  assign popCC_popPtrPlus = (popCC_popPtr + 3'b001);
  assign popCC_pushPtrBin = {pushToPopGray_buffers_1[2],{(pushToPopGray_buffers_1[2] ^ pushToPopGray_buffers_1[1]),((pushToPopGray_buffers_1[2] ^ pushToPopGray_buffers_1[1]) ^ pushToPopGray_buffers_1[0])}};
  assign io_popOccupancy = (popCC_pushPtrBin - popCC_popPtr);
  always @(posedge pop_clk) begin
    if(!pop_resetn) begin
      popCC_popPtr <= 3'b000;
      popCC_popPtrGray <= 3'b000;
      pushToPopGray_buffers_0 <= 3'b000;
      pushToPopGray_buffers_1 <= 3'b000;
    end else begin
      if(io_pop_fire) begin
        popCC_popPtr <= popCC_popPtrPlus;
        popCC_popPtrGray <= (popCC_popPtrPlus ^ (popCC_popPtrPlus >>> 1'b1));
      end
      pushToPopGray_buffers_0 <= pushCC_pushPtrGray;
      pushToPopGray_buffers_1 <= pushToPopGray_buffers_0;
    end
  end

endmodule
