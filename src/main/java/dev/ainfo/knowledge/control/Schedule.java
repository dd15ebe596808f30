package dev.ainfo.knowledge.control;

import dev.ainfo.knowledge.entity.Openness;
import dev.ainfo.knowledge.entity.Openness.Basis;
import dev.ainfo.knowledge.entity.Openness.State;
import dev.ainfo.knowledge.entity.Policy;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges a programme against a day from the periods its record states. The application window wins
 * when it has dates; "상시", "연중" and the like mean always open; free text such as
 * "모집기간 2025. 3. 4~ 3. 11" or "2025.1.~2025.12." is read for its dates (a second date without a year
 * takes the first one's year; a month without a day spans the month; a year alone spans the year).
 * Without an application window, the programme's own period decides: over means closed.
 */
public final class Schedule {

    /** A date in the forms the records use: 2025.03.04, 2025. 3. 4, 2025-03, 2025년 3월 4일, '25년, 2025. */
    private static final Pattern DATE = Pattern.compile(
            "(?:(?<!\\d)(20\\d{2}|'\\d{2})\\s*(?:[.\\-/년]\\s*)?)?(?:(?<!\\d)(1[0-2]|0?[1-9])\\s*[.\\-/월]\\s*(?:(3[01]|[12]\\d|0?[1-9])(?!\\d)\\s*[.일]?)?)?");
    private static final Pattern RANGE_SPLIT = Pattern.compile("~|∼|〜|부터|–");
    private static final Pattern ALWAYS = Pattern.compile("상시|연중|수시|계속|매년|연례|예산\\s*소진");
    private static final Pattern UNTIL_NOW = Pattern.compile("현재|계속");

    private Schedule() {
    }

    public static Openness judge(Policy policy, LocalDate today) {
        Window application = window(policy.period());
        if (application != null) {
            return state(application, Basis.APPLICATION, today);
        }
        if (ALWAYS.matcher(policy.period()).find()) {
            return new Openness(State.OPEN, Basis.ALWAYS, null, null);
        }
        Window business = window(policy.business());
        if (business != null) {
            Openness judged = state(business, Basis.BUSINESS, today);
            // A programme that runs today may still have closed its intake; only its end is certain.
            return judged;
        }
        return Openness.UNKNOWN;
    }

    private static Openness state(Window w, Basis basis, LocalDate today) {
        State state = w.to != null && today.isAfter(w.to) ? State.CLOSED
                : w.from != null && today.isBefore(w.from) ? State.UPCOMING : State.OPEN;
        return new Openness(state, basis, w.from, w.to);
    }

    record Window(LocalDate from, LocalDate to) {
    }

    /** The dated window a period text states, or null when it names no year. */
    static Window window(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] sides = RANGE_SPLIT.split(text, 2);
        List<int[]> left = dates(sides[0]);
        if (left.isEmpty()) {
            return null;
        }
        int[] start = left.get(0);
        if (start[0] == 0) {
            return null; // no year: nothing to judge against
        }
        int[] end;
        boolean openEnded = false;
        if (sides.length == 2) {
            List<int[]> right = dates(sides[1]);
            if (right.isEmpty()) {
                end = null;
                openEnded = true;
            } else {
                end = right.get(0);
                if (end[0] == 0) {
                    end = new int[] {start[0], end[1], end[2]};
                }
            }
            if (UNTIL_NOW.matcher(sides[1]).find() && right.isEmpty()) {
                openEnded = true;
            }
        } else {
            end = start; // one date or one year: the whole of it
        }
        try {
            LocalDate from = first(start);
            LocalDate to = openEnded || end == null ? null : last(end);
            if (to != null && to.isBefore(from)) {
                return null;
            }
            return new Window(from, to);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {year or 0, month or 0, day or 0} for each date-like piece of a text. */
    private static List<int[]> dates(String text) {
        List<int[]> found = new ArrayList<>();
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            if (m.group().isBlank() || (m.group(1) == null && m.group(2) == null)) {
                continue;
            }
            int year = m.group(1) == null ? 0 : m.group(1).startsWith("'")
                    ? 2000 + Integer.parseInt(m.group(1).substring(1)) : Integer.parseInt(m.group(1));
            int month = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            int day = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            found.add(new int[] {year, month, day});
        }
        return found;
    }

    private static LocalDate first(int[] d) {
        return LocalDate.of(d[0], d[1] == 0 ? 1 : d[1], d[2] == 0 ? 1 : d[2]);
    }

    private static LocalDate last(int[] d) {
        if (d[1] == 0) {
            return LocalDate.of(d[0], 12, 31);
        }
        LocalDate month = LocalDate.of(d[0], d[1], 1);
        return d[2] == 0 ? month.withDayOfMonth(month.lengthOfMonth()) : LocalDate.of(d[0], d[1], d[2]);
    }
}
