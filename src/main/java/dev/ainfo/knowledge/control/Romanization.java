package dev.ainfo.knowledge.control;

/**
 * Korean place names in the Revised Romanization that road signs and English speakers use ("속초" →
 * "sokcho", "강릉" → "gangneung"), so an English question's "Sokcho" or "Bupyeong-gu" finds the 시·군·구.
 * Covers the syllable table and the sound changes place names need (linking, nasalisation, ㄹ after
 * a consonant); hyphens and spaces are left out.
 */
final class Romanization {

    private static final String[] INITIAL = {"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj",
        "ch", "k", "t", "p", "h"};
    private static final String[] VOWEL = {"a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo",
        "u", "wo", "we", "wi", "yu", "eu", "ui", "i"};
    /** Final consonants before a pause or another consonant. */
    private static final String[] FINAL = {"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l",
        "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"};
    /** Final consonants carried over to a following vowel (ㅇ initial). */
    private static final String[] LINKED = {"", "g", "kk", "ks", "n", "nj", "nh", "d", "r", "lg", "lm", "lb", "ls", "lt",
        "lp", "lh", "m", "b", "bs", "s", "ss", "ng", "j", "ch", "k", "t", "p", "h"};
    private static final int NONE = 0;
    private static final int RIEUL = 8;
    private static final int IEUNG_INITIAL = 11;
    private static final int RIEUL_INITIAL = 5;
    private static final int NIEUN_INITIAL = 2;
    private static final int MIEUM_INITIAL = 6;

    private Romanization() {
    }

    static String of(String hangul) {
        StringBuilder out = new StringBuilder();
        int length = hangul.length();
        for (int i = 0; i < length; i++) {
            char c = hangul.charAt(i);
            if (c < 0xAC00 || c > 0xD7A3) {
                out.append(Character.toLowerCase(c));
                continue;
            }
            int code = c - 0xAC00;
            int initial = code / 588;
            int vowel = (code % 588) / 28;
            int fin = code % 28;
            int previousFinal = i > 0 && isSyllable(hangul.charAt(i - 1)) ? (hangul.charAt(i - 1) - 0xAC00) % 28 : NONE;
            out.append(initial(initial, previousFinal)).append(VOWEL[vowel]);
            int next = i + 1 < length && isSyllable(hangul.charAt(i + 1)) ? (hangul.charAt(i + 1) - 0xAC00) / 588 : -1;
            out.append(fin(fin, next));
        }
        return out.toString();
    }

    private static boolean isSyllable(char c) {
        return c >= 0xAC00 && c <= 0xD7A3;
    }

    private static String initial(int initial, int previousFinal) {
        if (initial == RIEUL_INITIAL && previousFinal != NONE) {
            return previousFinal == RIEUL ? "l" : "n"; // 울릉 ulleung, 강릉 gangneung
        }
        if (initial == IEUNG_INITIAL && previousFinal != NONE) {
            return ""; // the final was linked over
        }
        return INITIAL[initial];
    }

    private static String fin(int fin, int nextInitial) {
        if (fin == NONE) {
            return "";
        }
        if (nextInitial == IEUNG_INITIAL) {
            return LINKED[fin];
        }
        if (nextInitial == RIEUL_INITIAL && fin == RIEUL) {
            return "l";
        }
        if (nextInitial == NIEUN_INITIAL || nextInitial == MIEUM_INITIAL || nextInitial == RIEUL_INITIAL) {
            String plain = FINAL[fin];
            return switch (plain) { // nasalisation: 백마 baengma, 십리 simni
                case "k" -> "ng";
                case "t" -> "n";
                case "p" -> "m";
                default -> plain;
            };
        }
        return FINAL[fin];
    }
}
