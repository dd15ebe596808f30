package dev.ainfo.knowledge.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanReadingFormFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The Nori analysis used for both the records and the questions. Compound nouns are kept and also
 * split (MIXED), so "면접정장" finds "면접 정장" and the other way round.
 */
public final class KoreanText {

    /** Words every question has; they steer the answer's shape, not which records match. */
    static final Set<String> QUESTION_WORDS = Set.of("신청", "방법", "서류", "어떻", "어떡", "있", "하", "되", "받", "알",
            "주", "수", "것", "거", "뭐", "뭔가", "무엇", "어디", "언제", "얼마", "필요", "가능", "지원", "청년", "저", "나", "제",
            "사", "살", "세", "요", "인데", "좀", "그럼", "그거", "거기", "혹시", "정책", "사업", "프로그램", "해주", "알려주",
            "궁금", "싶", "같", "이", "그", "들", "때", "중", "분", "the", "a", "an", "is", "are", "there", "any", "for",
            "i", "me", "my", "to", "of", "in", "and", "or", "do", "can", "how", "what", "which", "who", "where", "when",
            "get", "need", "want", "some", "with", "about", "it", "that", "this", "you", "am", "im", "live", "living",
            "years", "old", "year", "korea", "korean", "young", "youth", "people", "program", "programs", "policy",
            "policies", "support", "help", "please", "tell", "know", "have", "has", "be", "on", "at", "from", "as",
            "시", "도", "군", "구");

    private KoreanText() {
    }

    public static Analyzer analyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new KoreanTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, null,
                        KoreanTokenizer.DecompoundMode.MIXED, true);
                TokenStream stream = new KoreanPartOfSpeechStopFilter(tokenizer);
                stream = new KoreanReadingFormFilter(stream);
                stream = new LowerCaseFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    /** The distinct terms of a text, in order. */
    public static List<String> terms(Analyzer analyzer, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(terms);
    }
}
