package dev.ainfo.knowledge.control;

import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How old the asker says they are: an age ("26살", "만 25세", "I'm 25", "a 23-year-old") or a birth year
 * ("99년생", "2001년생", "born in 1999"). A birth year counts against the clock's year, as a profile's
 * birth year does, so the answer to "99년생" changes on New Year's Day without a code change.
 */
final class AskerAge {

    private static final Pattern AGE_KO = Pattern.compile("(?:만\\s*)?(\\d{2})\\s*(?:살|세)");
    /** "I'm 25", "aged 25", "my age is 25", "25 years old", "a 23-year-old". */
    private static final Pattern AGE_EN = Pattern.compile(
            "\\b(?:i[’']?m|i am|aged?(?:\\s+is|:)?)\\s+(\\d{2})\\b|\\b(\\d{2})[\\s-]*(?:years?[\\s-]+old|y/?o|yrs?[\\s-]+old)\\b");
    /** "99년생", "2001년생", "1999년에 태어났어요"; "년생" without a space: "2025년 생활비" is no birth year. */
    private static final String KOREAN_BORN = "(?<!\\d)((?:19|20)?\\d{2})\\s*년(?:생|도?\\s*에\\s*태어)";
    private static final Pattern KOREAN_BIRTH_YEAR = Pattern.compile(KOREAN_BORN);
    /** The Korean forms, "born in 1999", "born in '99", "born 2001". */
    private static final Pattern BIRTH_YEAR = Pattern.compile(
            KOREAN_BORN + "|\\bborn\\s+(?:in\\s+)?['’]?((?:19|20)?\\d{2})(?!\\d)");
    /**
     * The ages a birth year may give the asker. Outside them the year is someone else's ("24년생 아기가
     * 있어요" is the asker's child) or no birth year at all.
     */
    static final int YOUNGEST = 14;
    static final int OLDEST = 99;

    private final Clock clock;

    AskerAge(Clock clock) {
        this.clock = clock;
    }

    /** {@code text} without the Korean ages and birth years it says ("26살", "99년생"): who asks, not what about. */
    static String without(String text) {
        return KOREAN_BIRTH_YEAR.matcher(AGE_KO.matcher(text).replaceAll(" ")).replaceAll(" ");
    }

    /** The age {@code text} gives ({@code lower} is it lower-cased); an age said outright wins over a birth year. */
    Integer of(String text, String lower) {
        if (text.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            return null; // every pattern needs two digits
        }
        Matcher ko = AGE_KO.matcher(text);
        if (ko.find()) {
            return Integer.valueOf(ko.group(1));
        }
        Matcher en = AGE_EN.matcher(lower);
        if (en.find()) {
            return Integer.valueOf(en.group(1) != null ? en.group(1) : en.group(2));
        }
        Matcher born = BIRTH_YEAR.matcher(lower);
        while (born.find()) {
            Integer age = fromBirthYear(born.group(1) != null ? born.group(1) : born.group(2));
            if (age != null) {
                return age;
            }
        }
        return null;
    }

    /** The age of someone born in {@code year} ("1999", or "99" and "01" for the nearest such year past). */
    private Integer fromBirthYear(String year) {
        int thisYear = LocalDate.now(clock).getYear();
        int born = Integer.parseInt(year);
        if (year.length() == 2) {
            born += 2000;
            if (born > thisYear) {
                born -= 100;
            }
        }
        int age = thisYear - born;
        return age >= YOUNGEST && age <= OLDEST ? age : null;
    }
}
