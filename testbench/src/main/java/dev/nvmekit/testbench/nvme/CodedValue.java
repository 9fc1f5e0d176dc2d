package dev.nvmekit.testbench.nvme;

import java.util.Optional;

/**
 * A value the spec assigns a number and a name to — an opcode, a CNS, a feature or log page
 * identifier, a status code type — so that one lookup serves every such enum.
 */
public interface CodedValue {
    /** The number as it stands in the command or completion field. */
    int value();

    /** The name as the spec and nvme-cli spell it. */
    String title();

    /** The constant among {@code values} (an enum's {@code values()}) with number {@code value}, if any. */
    static <E extends CodedValue> Optional<E> find(E[] values, int value) {
        for (E e : values) {
            if (e.value() == value) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
