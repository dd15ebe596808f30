package dev.ainfo.assistant;

import dev.ainfo.assistant.AnswerQualitySet.Item;
import dev.ainfo.assistant.AnswerQualitySet.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores what the chat socket answered: for each asked turn, the ids of {@code done.sources} in
 * order. A turn with no cited source counts as declined (the offline answerer cites nothing when
 * it says the records cannot answer). Tallies are kept per split and per row of the report.
 */
public final class AnswerQualityScore {

    /** Rows of the report, in order. */
    public static final List<String> ROWS = List.of("single", "conversation, 1st turn", "follow-up (2nd, 3rd turn)",
            "english", "all answerable", "unanswerable");

    /** The counts behind one cell of the report. */
    public static final class Tally {
        int asked;
        int firstRight;
        int someRight;
        int declined;
        int olderFirst;

        public int asked() {
            return asked;
        }

        public int firstRight() {
            return firstRight;
        }

        public int someRight() {
            return someRight;
        }

        public int declined() {
            return declined;
        }

        /** Turns whose first source was an older registration of a right programme, not the current one. */
        public int olderFirst() {
            return olderFirst;
        }

        public double firstRate() {
            return rate(firstRight);
        }

        public double someRate() {
            return rate(someRight);
        }

        public double declinedRate() {
            return rate(declined);
        }

        private double rate(int n) {
            return asked == 0 ? 0 : (double) n / asked;
        }
    }

    private final Map<String, Map<String, Tally>> bySplit = new TreeMap<>();

    /** Records what one turn of one item cited. */
    public void record(Item item, int turnIndex, List<String> sourceIds) {
        Turn turn = item.turns().get(turnIndex);
        List<String> rows = new ArrayList<>();
        if (!turn.answerable()) {
            rows.add("unanswerable");
        } else {
            rows.add(row(item.kind(), turnIndex));
            rows.add("all answerable");
        }
        for (String row : rows) {
            Tally tally = tally(item.split(), row);
            tally.asked++;
            if (sourceIds.isEmpty()) {
                tally.declined++;
                continue;
            }
            if (turn.answers().contains(sourceIds.get(0))) {
                tally.firstRight++;
            } else if (turn.older().contains(sourceIds.get(0))) {
                tally.olderFirst++;
            }
            if (sourceIds.stream().anyMatch(turn.answers()::contains)) {
                tally.someRight++;
            }
        }
    }

    static String row(String kind, int turnIndex) {
        return switch (kind) {
            case "conversation" -> turnIndex == 0 ? "conversation, 1st turn" : "follow-up (2nd, 3rd turn)";
            case "english" -> "english";
            default -> "single";
        };
    }

    public Tally tally(String split, String row) {
        return bySplit.computeIfAbsent(split, s -> new TreeMap<>()).computeIfAbsent(row, r -> new Tally());
    }

    /** The markdown report: one table per split, then the targets side by side. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        for (String split : bySplit.keySet()) {
            out.append("\n### ").append(split).append("\n\n")
                    .append("| questions | turns | first cited source right | some cited source right | declined | older registration cited first |\n")
                    .append("|---|---:|---:|---:|---:|---:|\n");
            for (String row : ROWS) {
                Tally t = tally(split, row);
                if (row.equals("unanswerable")) {
                    out.append(String.format(Locale.ROOT, "| %s | %d | – | – | %d of %d declined (%s) | – |%n",
                            row, t.asked, t.declined, t.asked, percent(t.declinedRate())));
                } else {
                    out.append(String.format(Locale.ROOT, "| %s | %d | %s (%d) | %s (%d) | %s (%d) | %d |%n", row, t.asked,
                            percent(t.firstRate()), t.firstRight, percent(t.someRate()), t.someRight,
                            percent(t.declinedRate()), t.declined, t.olderFirst));
                }
            }
        }
        out.append("\n### Targets of issue 13\n\n| measure | target |");
        bySplit.keySet().forEach(s -> out.append(' ').append(s).append(" |"));
        out.append("\n|---|---|");
        bySplit.keySet().forEach(s -> out.append("---:|"));
        out.append('\n');
        target(out, "first cited source right, answerable", "≥ 80 %", s -> percent(tally(s, "all answerable").firstRate()));
        target(out, "some cited source right, answerable", "≥ 90 %", s -> percent(tally(s, "all answerable").someRate()));
        target(out, "follow-up turns right (first source)", "≥ 80 %", s -> percent(tally(s, "follow-up (2nd, 3rd turn)").firstRate()));
        target(out, "English right (first source)", "≥ 70 %", s -> percent(tally(s, "english").firstRate()));
        target(out, "unanswerable declined", "≥ 7 of 8", s -> {
            Tally t = tally(s, "unanswerable");
            return t.declined + " of " + t.asked;
        });
        target(out, "answerable declined", "≤ 5 %", s -> percent(tally(s, "all answerable").declinedRate()));
        return out.toString();
    }

    private void target(StringBuilder out, String measure, String goal, java.util.function.Function<String, String> value) {
        out.append("| ").append(measure).append(" | ").append(goal).append(" |");
        bySplit.keySet().forEach(s -> out.append(' ').append(value.apply(s)).append(" |"));
        out.append('\n');
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.0f %%", rate * 100);
    }
}
