package dev.ainfo.knowledge.entity;

import java.time.LocalDate;

/**
 * Whether a programme takes applications on a given day, judged from its record: {@code from} and
 * {@code to} are the window the judgement rests on (either may be null: open-ended, or "상시"), and
 * {@code basis} says which of the record's periods it came from.
 */
public record Openness(State state, Basis basis, LocalDate from, LocalDate to) {

    public enum State { OPEN, UPCOMING, CLOSED, UNKNOWN }

    /** APPLICATION: the application window; ALWAYS: "상시" and the like; BUSINESS: only the programme's period. */
    public enum Basis { APPLICATION, ALWAYS, BUSINESS, NONE }

    public static final Openness UNKNOWN = new Openness(State.UNKNOWN, Basis.NONE, null, null);

    public boolean closed() {
        return state == State.CLOSED;
    }
}
