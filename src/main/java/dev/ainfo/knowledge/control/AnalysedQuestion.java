package dev.ainfo.knowledge.control;

import dev.ainfo.knowledge.entity.QuestionFacts;
import java.util.List;

/**
 * A question read and analysed once, so the query, the coverage figure, the snippets and the
 * retrieval's facts all reuse it: {@code terms} are what is searched for, {@code nouns} what coverage
 * is measured on.
 */
record AnalysedQuestion(QuestionFacts facts, List<String> terms, List<String> nouns) {
}
