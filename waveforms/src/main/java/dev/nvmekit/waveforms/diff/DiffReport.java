package dev.nvmekit.waveforms.diff;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of comparing two dumps.
 *
 * @param compared compared names checked in both dumps, sorted
 * @param onlyLeft compared names present only in the left dump
 * @param onlyRight compared names present only in the right dump
 * @param widthMismatches compared names whose widths differ; they are not compared
 * @param differenceCount all disagreeing (signal, sample) points: in clock mode one per signal
 *     and edge, otherwise one per signal and time at which either dump changes that signal
 * @param differences the earliest differences, by time then name, at most the option's limit
 * @param leftEdges rising edges found in the left dump, or -1 without a clock
 * @param rightEdges rising edges found in the right dump, or -1 without a clock
 */
public record DiffReport(List<String> compared, List<String> onlyLeft, List<String> onlyRight,
        List<String> widthMismatches, long differenceCount, List<Difference> differences, int leftEdges,
        int rightEdges) {

    public DiffReport {
        compared = List.copyOf(compared);
        onlyLeft = List.copyOf(onlyLeft);
        onlyRight = List.copyOf(onlyRight);
        widthMismatches = List.copyOf(widthMismatches);
        differences = List.copyOf(differences);
    }

    /** Whether every compared signal agrees everywhere, no widths clash and the clocks tick alike. */
    public boolean identical() {
        return differenceCount == 0 && widthMismatches.isEmpty() && leftEdges == rightEdges;
    }

    /** The earliest difference. */
    public Optional<Difference> firstDifference() {
        return differences.stream().findFirst();
    }

    /** A few lines for a terminal or a test failure message. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(compared.size()).append(" signals compared, ").append(differenceCount).append(" differences");
        if (leftEdges >= 0) {
            sb.append(", ").append(leftEdges).append('/').append(rightEdges).append(" clock edges");
        }
        firstDifference().ifPresent(d -> sb.append("\nfirst: ").append(d));
        if (!widthMismatches.isEmpty()) {
            sb.append("\nwidth mismatches: ").append(widthMismatches);
        }
        if (!onlyLeft.isEmpty()) {
            sb.append("\nonly in left: ").append(onlyLeft.stream().limit(10).toList());
        }
        if (!onlyRight.isEmpty()) {
            sb.append("\nonly in right: ").append(onlyRight.stream().limit(10).toList());
        }
        return sb.toString();
    }
}
