package dev.ainfo.knowledge.control;

import dev.ainfo.knowledge.entity.QuestionFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The Lucene query for an analysed question: its terms over the weighted fields (question words
 * count little), and the asker's region, district, age and category as filters or boosts.
 */
final class PolicyQueries {

    private static final Map<String, Float> FIELDS = Map.of(
            "title", 4f, "keywords", 1.5f, "category", 1.2f, "summary", 2f, "support", 1f, "details", 0.5f);
    private static final float QUESTION_WORD_WEIGHT = 0.15f;

    private final TermStatesCache termStates;

    PolicyQueries(TermStatesCache termStates) {
        this.termStates = termStates;
    }

    /** The question's terms over the weighted fields, with its region and age applied; null without terms. */
    Query of(AnalysedQuestion question, PolicySearcher.Tuning tuning) {
        Query text = textQuery(question.terms(), question.facts());
        if (text == null) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST);
        constrain(query, question.facts(), tuning);
        return query.build();
    }

    private Query textQuery(List<String> terms, QuestionFacts facts) {
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        int clauses = 0;
        for (String term : terms) {
            Query any = inAnyField(term);
            if (any == null) {
                continue;
            }
            boolean minor = KoreanText.QUESTION_WORDS.contains(term) || term.chars().allMatch(Character::isDigit)
                    || (facts.province() != null && Provinces.named(term).isPresent())
                    || (facts.place() != null && term.length() >= 2 && facts.place().startsWith(term))
                    || (term.length() == 1 && terms.stream().anyMatch(o -> o.length() > 1 && o.contains(term)));
            text.add(minor ? new BoostQuery(any, QUESTION_WORD_WEIGHT) : any, Occur.SHOULD);
            clauses++;
        }
        return clauses == 0 ? null : text.build();
    }

    /**
     * The term in whichever weighted field scores it best; null if no record has it. Fields that lack
     * the term are left out: they would score nothing, yet cost a scorer each.
     */
    private Query inAnyField(String term) {
        List<Query> perField = new ArrayList<>();
        try {
            for (Map.Entry<String, Float> field : FIELDS.entrySet()) {
                Term inField = new Term(field.getKey(), term);
                TermStates states = termStates.get(inField);
                if (states.docFreq() > 0) {
                    perField.add(new BoostQuery(new TermQuery(inField, states), field.getValue()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return perField.isEmpty() ? null : new DisjunctionMaxQuery(perField, 0.3f);
    }

    private static void constrain(BooleanQuery.Builder query, QuestionFacts facts, PolicySearcher.Tuning tuning) {
        if (facts.province() != null && tuning.region() != PolicySearcher.Mode.IGNORE) {
            Query local = new TermQuery(new Term(PolicySearcher.REGION, facts.province()));
            if (tuning.region() == PolicySearcher.Mode.FILTER) {
                query.add(new BooleanQuery.Builder().add(local, Occur.SHOULD)
                        .add(new TermQuery(new Term(PolicySearcher.REGION, "전국")), Occur.SHOULD).build(), Occur.FILTER);
            }
            query.add(new BoostQuery(local, 1.5f), Occur.SHOULD);
            if (tuning.region() == PolicySearcher.Mode.FILTER) {
                // A programme of another 시·군·구 of the same province is not for this asker.
                Locality.asker(facts).ifPresent(code -> query.add(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(PolicySearcher.DISTRICT, Locality.ANYWHERE)), Occur.SHOULD)
                        .add(new TermQuery(new Term(PolicySearcher.DISTRICT, code)), Occur.SHOULD)
                        .add(new TermQuery(new Term(PolicySearcher.DISTRICT, "all:" + facts.province())), Occur.SHOULD).build(), Occur.FILTER));
            }
        }
        if (facts.nationwide()) {
            query.add(new BoostQuery(new TermQuery(new Term(PolicySearcher.REGION, "전국")), 1.5f), Occur.SHOULD);
        }
        if (facts.place() != null && tuning.region() != PolicySearcher.Mode.IGNORE) {
            query.add(new BoostQuery(new TermQuery(new Term(PolicySearcher.PLACE, facts.place())), 2.5f), Occur.SHOULD);
        }
        if (facts.age() != null && tuning.age() != PolicySearcher.Mode.IGNORE) {
            int age = facts.age();
            Query tooYoung = IntPoint.newRangeQuery(PolicySearcher.MIN_AGE, age + 1, Integer.MAX_VALUE);
            Query tooOld = IntPoint.newRangeQuery(PolicySearcher.MAX_AGE, Integer.MIN_VALUE, age - 1);
            if (tuning.age() == PolicySearcher.Mode.FILTER) {
                query.add(tooYoung, Occur.MUST_NOT).add(tooOld, Occur.MUST_NOT);
            } else {
                Query fits = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
                        .add(tooYoung, Occur.MUST_NOT).add(tooOld, Occur.MUST_NOT).build();
                query.add(new BoostQuery(fits, 1f), Occur.SHOULD);
            }
        }
        if (facts.category() != null && tuning.category()) {
            query.add(new BoostQuery(new TermQuery(new Term(PolicySearcher.CATEGORY_KEY, facts.category())), 0.5f), Occur.SHOULD);
        }
    }
}
