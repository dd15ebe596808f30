package dev.ainfo.knowledge.control;

import dev.ainfo.knowledge.entity.QuestionFacts;
import java.util.List;
import java.util.Map;

/**
 * A question read and analysed once, so the query, the coverage figure, the snippets and the
 * retrieval's facts all reuse it: {@code terms} are what is searched for, {@code nouns} what coverage
 * is measured on, {@code related} the corpus's words related to its topic words (see {@link RelatedTerms}).
 */
record AnalysedQuestion(QuestionFacts facts, List<String> terms, List<String> nouns,
        Map<String, List<RelatedTerms.Related>> related) {

    AnalysedQuestion(QuestionFacts facts, List<String> terms, List<String> nouns) {
        this(facts, terms, nouns, Map.of());
    }
}
