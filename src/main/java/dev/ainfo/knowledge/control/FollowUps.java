package dev.ainfo.knowledge.control;

import dev.ainfo.knowledge.entity.QuestionFacts;
import dev.ainfo.memory.entity.MemoryMessage;
import dev.ainfo.memory.entity.MemorySnapshot;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rewrites a follow-up ("그럼 신청은 어떻게 해요?") into a question that stands alone, without a
 * model: a question that points back or names no topic of its own gets the previous question added;
 * any question gets the asker's region and age from earlier turns when it does not restate them.
 */
public final class FollowUps {

    private static final Pattern REFERS_BACK = Pattern.compile(
            "^(그럼|그러면|그럼요|그거|그건|그게|그 |거기|이거|이건|저거|해당|그리고|또|아까|"
                    + "then|and |so |what about|how about|it |that |this |those |for it)", Pattern.CASE_INSENSITIVE);
    private static final Pattern POINTS_BACK = Pattern.compile(
            "(그거|그건|거기|이거|위에|방금|해당 정책|그 정책|\\bit\\b|\\bthat one\\b|\\bthis one\\b|\\bthem\\b)",
            Pattern.CASE_INSENSITIVE);
    /** A question naming fewer informative words than this leans on the previous one. */
    private static final int FEW_TERMS = 1;

    private final PolicySearcher searcher;

    public FollowUps(PolicySearcher searcher) {
        this.searcher = searcher;
    }

    public String rewrite(String question, MemorySnapshot memory) {
        return rewrite(question, memory, isFollowUp(question));
    }

    /** As {@link #rewrite(String, MemorySnapshot)}, for a caller that already asked {@link #isFollowUp}. */
    String rewrite(String question, MemorySnapshot memory, boolean followUp) {
        String previous = lastUserQuestion(memory.messages());
        if (previous == null) {
            return question;
        }
        StringBuilder rewritten = new StringBuilder(question.strip());
        if (followUp) {
            rewritten.append(' ').append(previous);
        }
        // A new topic keeps only who is asking: region and age said in earlier turns.
        QuestionReader reader = searcher.questions();
        QuestionFacts now = reader.read(rewritten.toString());
        for (MemoryMessage message : memory.messages()) {
            if (!"user".equals(message.role())) {
                continue;
            }
            QuestionFacts earlier = reader.read(message.message());
            if (now.province() == null && earlier.province() != null) {
                rewritten.append(' ').append(earlier.province());
                now = reader.read(rewritten.toString());
            }
            if (now.age() == null && earlier.age() != null) {
                rewritten.append(' ').append(earlier.age()).append(earlier.english() ? " years old" : "살");
                now = reader.read(rewritten.toString());
            }
        }
        return rewritten.toString();
    }

    /** Short, or pointing back, or saying little beyond what kind of answer it wants. */
    boolean isFollowUp(String question) {
        String text = question.strip();
        if (REFERS_BACK.matcher(text.toLowerCase(Locale.ROOT)).find() || POINTS_BACK.matcher(text).find()) {
            return true;
        }
        List<String> terms = searcher.nounsOf(searcher.questions().searchText(text));
        long informative = terms.stream().filter(t -> !KoreanText.QUESTION_WORDS.contains(t))
                .filter(t -> !KoreanText.ASPECT_WORDS.contains(t)).count();
        return informative < FEW_TERMS;
    }

    private static String lastUserQuestion(List<MemoryMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).role())) {
                return messages.get(i).message();
            }
        }
        return null;
    }
}
