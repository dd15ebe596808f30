package dev.ainfo.knowledge.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
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
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
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
            "시", "도", "군", "구",
            // When, not what: "올해 결혼했어요" asks about marriage, not about programmes named "올해의 …".
            "올해", "올", "해", "작년", "내년", "이번", "번", "요즘", "지금", "현재", "최근");

    /**
     * Programme words Nori's dictionary splits badly (청년도약계좌 lost 도약, 응시료 became 시료);
     * one per line in knowledge/nori-userdict.txt, compounds with their parts. Every 시·군·구 of the
     * administrative list is added as well, as its name and its parts ("평택시 평택 시"): Nori made 평/택시
     * of 평택시 and 속/초시 of 속초시, so a record named its place in words no question uses. So are the
     * compounds the records write as one word ({@link #COMPOUNDS}: 청년센터, 청년정책), kept whole and split.
     */
    static final UserDictionary USER_DICTIONARY = userDictionary(true);

    /** Compounds the records write as one word, derived from the corpus (see the file's header). */
    static final String COMPOUNDS = "knowledge/nori-compounds.txt";

    private KoreanText() {
    }

    /** The user dictionary, with or without the compounds derived from the corpus (they are derived without). */
    static UserDictionary userDictionary(boolean compounds) {
        String words = resource("knowledge/nori-userdict.txt") + "\n" + districtEntries()
                + (compounds ? "\n" + resource(COMPOUNDS) : "");
        try {
            return UserDictionary.open(new java.io.StringReader(words));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = KoreanText.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "평택시 평택 시" for each 시·군·구 whose name before 시/군/구 has two syllables or more. */
    static String districtEntries() {
        StringBuilder entries = new StringBuilder();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Districts.District d : Districts.ALL) {
            String name = d.name();
            String stem = name.substring(0, name.length() - 1);
            if (stem.length() >= 2 && seen.add(name)) {
                entries.append(name).append(' ').append(stem).append(' ').append(name.charAt(name.length() - 1)).append('\n');
            }
        }
        return entries.toString();
    }

    /** Words that name the part of a programme asked about, not the programme. */
    static final Set<String> ASPECT_WORDS = Set.of("조건", "자격", "대상", "나이", "제한", "기간", "마감", "금액", "문의",
            "연락", "접수", "제출", "준비", "가입", "참여", "매달", "한도", "최대", "돈", "documents", "apply", "eligible",
            "deadline", "amount", "much", "age", "limit", "conditions", "requirements", "required", "papers", "month");

    /** Nouns, foreign words and roots only: what a question is about, for measuring coverage. */
    private static final Set<POS.Tag> NOT_NOUNS = nonNouns();

    private static Set<POS.Tag> nonNouns() {
        Set<POS.Tag> tags = EnumSet.allOf(POS.Tag.class);
        tags.removeAll(EnumSet.of(POS.Tag.NNG, POS.Tag.NNP, POS.Tag.SL, POS.Tag.SH, POS.Tag.XR));
        return tags;
    }

    public static Analyzer nouns() {
        return nouns(USER_DICTIONARY);
    }

    static Analyzer nouns(UserDictionary dictionary) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new KoreanTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, dictionary,
                        KoreanTokenizer.DecompoundMode.MIXED, false, true);
                TokenStream stream = new KoreanPartOfSpeechStopFilter(tokenizer, NOT_NOUNS);
                stream = new LowerCaseFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    public static Analyzer analyzer() {
        return analyzer(USER_DICTIONARY);
    }

    static Analyzer analyzer(UserDictionary dictionary) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new KoreanTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, dictionary,
                        KoreanTokenizer.DecompoundMode.MIXED, false, true);
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
                if (!term.toString().isBlank()) {
                    terms.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(terms);
    }
}
