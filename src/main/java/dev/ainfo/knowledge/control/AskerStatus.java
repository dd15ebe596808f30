package dev.ainfo.knowledge.control;

import dev.ainfo.knowledge.entity.QuestionFacts.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the asker does (취준생, 대학생, 직장인…; "job seeker", "I work at…"), read from a question. These words
 * describe the asker, not the programme sought: the search leaves them out when the question names a topic
 * besides them, and a first question that names nothing else is about them.
 */
public final class AskerStatus {

    /**
     * What the asker does, as people say it. These words describe the asker, not the programme sought,
     * so they are left out of the search when the question names a topic besides them.
     */
    private static final Map<Status, List<String>> CUES = Map.of(
            Status.JOB_SEEKER, List.of("취준생", "취준", "취업준비생", "취업 준비생", "취업 준비 중", "취업준비 중",
                    "구직자", "구직 중", "구직중", "미취업자", "미취업 청년", "백수", "무직", "job seeker", "job-seeker",
                    "unemployed", "looking for a job", "looking for work", "job hunting"),
            Status.STUDENT, List.of("대학생", "대학원생", "휴학생", "재학생", "고등학생", "학생", "college student",
                    "university student", "student"),
            Status.EMPLOYED, List.of("직장인", "회사원", "재직자", "재직 중", "근로자", "사회초년생", "직장 다니",
                    "회사 다니", "office worker", "employee", "i work", "employed"),
            Status.SELF_EMPLOYED, List.of("자영업자", "자영업", "소상공인", "프리랜서", "self-employed",
                    "freelancer", "business owner"));
    /**
     * What the asker does, said in English sentences rather than set words: "I work at a small company",
     * "I'm working part-time in Cheongju", "I run a small cafe". Like the cues, left out of the search
     * when the question names a topic besides them ("paid work at a company" is a topic, not a status).
     */
    private static final Map<Status, Pattern> SENTENCES = Map.of(
            Status.EMPLOYED, Pattern.compile("\\b(?:i|and|i[’']?m|i am|currently|now)\\s+(?:work|working)"
                    + "(?:\\s+(?:full|part)[- ]time)?\\s+(?:at|for|in|as)\\b"
                    + "|\\bi\\s+(?:have|have got|got)\\s+a\\s+(?:(?:full|part)[- ]time\\s+|regular\\s+)?job\\b(?!\\s+(?:interview|offer))",
                    Pattern.CASE_INSENSITIVE),
            Status.SELF_EMPLOYED, Pattern.compile("\\bi\\s+(?:run|own)\\s+(?:a|an|my|my own)\\s+(?:small\\s+)?"
                    + "(?:business|shop|store|cafe|café|restaurant|company)\\b|\\bfreelanc(?:e|ing)\\b", Pattern.CASE_INSENSITIVE));

    /** Every cue, the longest first, so a cue is never removed from inside a longer one (학생 of 대학생). */
    private static final List<String> LONGEST_FIRST = CUES.values().stream().flatMap(List::stream)
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder())).toList();

    private AskerStatus() {
    }

    /** The status a lower-cased question says, or null. */
    static Status of(String lower) {
        Status best = null;
        int length = 0;
        // The longest cue wins; on equal length the status named first in the enum, whatever the map's order.
        for (Status status : Status.values()) {
            for (String cue : CUES.getOrDefault(status, List.of())) {
                if (cue.length() > length && lower.contains(cue)) {
                    best = status;
                    length = cue.length();
                }
            }
            Pattern sentence = SENTENCES.get(status);
            Matcher m = sentence == null ? null : sentence.matcher(lower);
            if (m != null && m.find() && m.end() - m.start() > length) {
                best = status;
                length = m.end() - m.start();
            }
        }
        return best;
    }

    /** The words of a question that say the asker's status, as said ("취준생", "job seekers"), in order. */
    public static List<String> words(String question) {
        String lower = question.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (Status status : Status.values()) {
            for (String cue : CUES.getOrDefault(status, List.of())) {
                if (lower.contains(cue)) {
                    addLongest(words, cue);
                }
            }
            Pattern sentence = SENTENCES.get(status);
            Matcher m = sentence == null ? null : sentence.matcher(lower);
            while (m != null && m.find()) {
                addLongest(words, m.group());
            }
        }
        words.sort(Comparator.comparingInt(lower::indexOf));
        return words;
    }

    /** Adds a word unless a longer one holds it, and drops the shorter ones it holds ("i work" of "i work at"). */
    private static void addLongest(List<String> words, String word) {
        if (words.stream().noneMatch(w -> w.contains(word))) {
            words.removeIf(word::contains);
            words.add(word);
        }
    }

    /** The question without the words that say the asker's status; the longest cue goes first. */
    static String without(String question) {
        String text = question;
        for (Pattern sentence : SENTENCES.values()) {
            text = sentence.matcher(text).replaceAll(" ");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String cue : LONGEST_FIRST) {
            if (lower.contains(cue)) {
                text = Pattern.compile(Pattern.quote(cue), Pattern.CASE_INSENSITIVE).matcher(text).replaceAll(" ");
                lower = text.toLowerCase(Locale.ROOT);
            }
        }
        return text;
    }
}
