package dev.nvmekit.rtl.interop;

import dev.nvmekit.rtl.ir.SourceLocation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One module of a Yosys JSON netlist ({@code write_json}), as plain records: ports, cells and
 * named nets, each a list of bits. A bit is a net number (2 and up, as Yosys numbers them) or
 * one of the constants {@link #ZERO}, {@link #ONE}, {@link #X}, {@link #Z}.
 */
record YosysNetlist(String name, List<NetPort> ports, List<Cell> cells, List<NetName> netNames) {
    static final int ZERO = -1;
    static final int ONE = -2;
    static final int X = -3;
    static final int Z = -4;

    /** A module port: {@code input}, {@code output} or {@code inout}. */
    record NetPort(String name, String direction, int[] bits, boolean signed) {
    }

    /** A cell instance: its type ({@code $add}, {@code $dff}...), parameters as Yosys wrote them, and connections. */
    record Cell(String name, String type, Map<String, String> parameters, Map<String, int[]> connections, SourceLocation source) {
        /** A numeric parameter (binary text; x and z bits read as 0). */
        BigInteger number(String param) {
            String v = parameters.get(param);
            if (v == null) throw new IllegalArgumentException("cell " + name + " (" + type + ") has no parameter " + param);
            return bitsOf(v);
        }

        int integer(String param) {
            return number(param).intValueExact();
        }

        boolean flag(String param) {
            return parameters.containsKey(param) && number(param).signum() != 0;
        }

        /** Bit {@code i} (0 = least significant) of a binary parameter. */
        boolean bit(String param, int i) {
            return number(param).testBit(i);
        }

        int[] port(String port) {
            int[] bits = connections.get(port);
            if (bits == null) throw new IllegalArgumentException("cell " + name + " (" + type + ") has no connection " + port);
            return bits;
        }
    }

    /** A named net; {@code hidden} for names Yosys made up ({@code $auto$...}). */
    record NetName(String name, int[] bits, boolean hidden, boolean signed, SourceLocation source, String init) {
    }

    /** The value of a binary parameter string, x and z as 0. */
    static BigInteger bitsOf(String binary) {
        String b = binary.trim().replace('x', '0').replace('z', '0').replace('X', '0').replace('Z', '0');
        if (b.isEmpty() || !b.chars().allMatch(c -> c == '0' || c == '1')) {
            throw new IllegalArgumentException("parameter value '" + binary + "' is not a bit string");
        }
        return new BigInteger(b, 2);
    }

    /** The module {@code top} of a parsed {@code write_json} document. */
    @SuppressWarnings("unchecked")
    static YosysNetlist of(Object json, String top) {
        Map<String, Object> modules = (Map<String, Object>) ((Map<String, Object>) json).get("modules");
        Map<String, Object> m = (Map<String, Object>) modules.get(top);
        if (m == null) throw new IllegalArgumentException("Yosys netlist has no module " + top + "; it has " + modules.keySet());
        List<NetPort> ports = new ArrayList<>();
        ((Map<String, Object>) m.getOrDefault("ports", Map.of())).forEach((n, v) -> {
            Map<String, Object> p = (Map<String, Object>) v;
            ports.add(new NetPort(n, (String) p.get("direction"), bits(p.get("bits")), isSet(p.get("signed"))));
        });
        List<Cell> cells = new ArrayList<>();
        ((Map<String, Object>) m.getOrDefault("cells", Map.of())).forEach((n, v) -> {
            Map<String, Object> c = (Map<String, Object>) v;
            Map<String, String> params = new LinkedHashMap<>();
            ((Map<String, Object>) c.getOrDefault("parameters", Map.of())).forEach((k, x) -> params.put(k, String.valueOf(x)));
            Map<String, int[]> conns = new LinkedHashMap<>();
            ((Map<String, Object>) c.getOrDefault("connections", Map.of())).forEach((k, x) -> conns.put(k, bits(x)));
            Map<String, Object> attrs = (Map<String, Object>) c.getOrDefault("attributes", Map.of());
            cells.add(new Cell(n, (String) c.get("type"), params, conns, location(attrs.get("src"))));
        });
        List<NetName> names = new ArrayList<>();
        ((Map<String, Object>) m.getOrDefault("netnames", Map.of())).forEach((n, v) -> {
            Map<String, Object> x = (Map<String, Object>) v;
            Map<String, Object> attrs = (Map<String, Object>) x.getOrDefault("attributes", Map.of());
            Object init = attrs.get("init");
            names.add(new NetName(n, bits(x.get("bits")), isSet(x.get("hide_name")), isSet(x.get("signed")),
                    location(attrs.get("src")), init == null ? null : String.valueOf(init)));
        });
        return new YosysNetlist(top, ports, cells, names);
    }

    /**
     * Where a Yosys {@code src} attribute points: {@code "a.v:12.3-12.20|b.v:4.1-4.9"} names the
     * instantiation first and the innermost source last; the innermost line is the useful one.
     */
    static SourceLocation location(Object src) {
        if (!(src instanceof String s) || s.isBlank()) return SourceLocation.UNKNOWN;
        String last = s.substring(s.lastIndexOf('|') + 1);
        int colon = last.lastIndexOf(':');
        if (colon <= 0) return new SourceLocation(last, 0);
        String file = java.nio.file.Path.of(last.substring(0, colon)).getFileName().toString();
        String pos = last.substring(colon + 1);
        int dot = pos.indexOf('.');
        try {
            int line = Integer.parseInt(dot < 0 ? pos : pos.substring(0, dot));
            return new SourceLocation(file, Math.max(0, line));
        } catch (NumberFormatException e) {
            return new SourceLocation(last, 0);
        }
    }

    private static boolean isSet(Object o) {
        return o instanceof Long l ? l != 0 : o instanceof String s && !s.isEmpty() && YosysNetlist.bitsOf(s).signum() != 0;
    }

    private static int[] bits(Object o) {
        List<?> l = (List<?>) o;
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            Object b = l.get(i);
            out[i] = switch (b) {
                case Long n -> Math.toIntExact(n);
                case String s when s.equals("0") -> ZERO;
                case String s when s.equals("1") -> ONE;
                case String s when s.equals("x") -> X;
                case String s -> Z;
                default -> throw new IllegalArgumentException("unexpected bit " + b + " in Yosys netlist");
            };
        }
        return out;
    }
}
