package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.knowledge.entity.QuestionFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the reader takes from a question before retrieval, Korean and English. */
class QuestionReaderTest {

    static final QuestionReader READER = new QuestionReader(new Places(List.of()));

    @Test
    void theCategoryIsTheOneOfTheCueSaidFirst() {
        assertEquals("주거", QuestionReader.category("월세 살면서 취업 준비하고 있어요"));
        assertEquals("일자리", QuestionReader.category("취업 준비하면서 월세 살아요"));
        assertNull(QuestionReader.category("날씨 어때요"));
    }

    @Test
    void anEnglishQuestionGetsItsCategoryFromItsKoreanTerms() {
        QuestionFacts facts = READER.read("I'm 24 in Busan. Is there help with monthly rent?");
        assertTrue(facts.english());
        assertEquals("주거", facts.category());
        assertEquals("부산", facts.province());
        assertEquals(24, facts.age());
    }

    @Test
    void aProvinceIsReadByItsOfficialRomanisedNameToo() {
        assertEquals("경북", READER.read("I'm 25 and live in Gyeongsangbuk-do. Any help with rent?").province());
        assertEquals("충남", READER.read("I live in Chungcheongnam-do and I'm 24").province());
        assertEquals("전북", READER.read("I'm 29 from Jeollabuk-do, looking for a job").province());
        assertEquals("전남", READER.read("Jeollanam-do, 27 years old, farming support?").province());
    }

    @Test
    void aBirthYearIsReadAgainstTheReadersClock() {
        QuestionReader in2026 = new QuestionReader(new Places(List.of()),
                java.time.Clock.fixed(java.time.Instant.parse("2026-03-01T00:00:00Z"), java.time.ZoneId.of("Asia/Seoul")));
        assertEquals(27, in2026.read("99년생인데 서울 월세 지원 있어요?").age());
        QuestionFacts english = in2026.read("I was born in 1999 and live in Busan. Any help with rent?");
        assertEquals(27, english.age());
        assertEquals("부산", english.province());
        assertTrue(!in2026.searchText("I was born in 1999. Any help with rent?").contains("출생"), "born borrows no topic");
    }

    @Test
    void anEnglishAgeIsReadHoweverItIsWritten() {
        assertEquals(23, READER.read("I'm a 23-year-old student in Busan").age());
        assertEquals(24, READER.read("My age is 24 and I need a job").age());
        assertEquals(25, READER.read("I’m 25 and looking for housing").age());
        assertEquals(28, READER.read("I'm in Sejong, 28 years old").age());
        assertNull(READER.read("Is there help for 20 people?").age());
    }

    @Test
    void whereTheAskerLivesBorrowsNoTopic() {
        QuestionFacts facts = READER.read("I'm 29 living in Andong. Is there a youth network I can join?");
        assertNull(facts.category(), "'living in' says where, not housing");
        assertTrue(!READER.searchText("I'm 29 living in Andong. Is there a youth network I can join?").contains("주거"));
        assertTrue(!READER.searchText("I was born in 1999. Any job programmes?").contains("출생"));
        assertTrue(READER.searchText("Is there help with living costs?").contains("생활"), "living costs are a topic");
        assertTrue(!READER.searchText("I'm 26 and interested in working on fishing boats").contains("금리"), "no interest rate");
        assertTrue(READER.searchText("Any help with the interest on my loan?").contains("금리"));
        assertTrue(!READER.searchText("I'm planning to study abroad").contains("기획"));
        assertTrue(!READER.searchText("What career suits me? Any aptitude test?").contains("정장"));
        assertTrue(READER.searchText("Can I borrow a suit for a job interview?").contains("정장"));
        assertTrue(!READER.searchText("I've been isolated at home for a long time").contains("주택"), "at home says where");
        assertTrue(READER.searchText("I need a home near my work").contains("주택"));
    }

    @Test
    void anEnglishPhraseOfACompoundTheRecordsWriteWholeSearchesTheCompound() {
        assertTrue(READER.searchText("I'm 25 in Incheon Seo-gu. Is there a youth center where I can study?").contains("청년센터"));
        assertEquals("청년정책", READER.searchText("How can I take part in local youth policy discussions?"),
                "a question no other word of which is glossed is no longer searched in English");
        assertTrue(java.util.List.of(READER.searchText("Is there a center with youth policy support for young people?").split(" ")).stream()
                .noneMatch(java.util.Set.of("청년", "정책", "지원")::contains), "youth, policy and support alone are no topic, as 청년 is not");
    }

    @Test
    void anUntranslatedEnglishQuestionIsSearchedWithoutThePlacesItNames() {
        String onlyTheAsker = READER.withoutStatus("I'm 29 and looking for a job in Suwon. Any support for job seekers?");
        assertTrue(!READER.searchText(onlyTheAsker).toLowerCase(java.util.Locale.ROOT).contains("suwon"), READER.searchText(onlyTheAsker));
        String text = READER.searchText("Anything for us in Yeonsu-gu, Incheon? What's the weather like?");
        assertTrue(!text.matches("(?is).*(yeonsu|incheon|\\bgu\\b).*") && text.contains("weather"), text);
        assertTrue(!READER.searchText("And in Gyeonggi-do?").toLowerCase(java.util.Locale.ROOT).contains("gyeonggi"));
    }

    @Test
    void anEnglishDistrictIsReadWithOrWithoutItsSuffix() {
        QuestionFacts haeundae = READER.read("I live in Haeundae, Busan");
        assertEquals("해운대구", haeundae.place());
        assertEquals("부산", haeundae.province());
        assertEquals("서울", READER.read("I'm 27, based in Gangnam").province());
        assertEquals("마포구", READER.read("I'm in Seoul Mapo-gu").place());
        assertNull(READER.read("I live in Seo, Incheon").place(), "one syllable needs its -gu");
        assertEquals("서구", READER.read("I live in Incheon Seo-gu").place());
        assertEquals("서귀포시", READER.read("I'm 26, living in Seogwipo on Jeju island").place());
        assertNull(READER.read("I live in Jeju").place(), "Jeju alone is the province");
        assertEquals("제주시", READER.read("I live in Jeju City").place());
    }

    @Test
    void anEnglishSentenceSaysTheAskersStatus() {
        assertEquals(QuestionFacts.Status.EMPLOYED, READER.read("I'm 24 and work at a small company in Gyeongju").status());
        assertEquals(QuestionFacts.Status.EMPLOYED, READER.read("I'm working part-time in Cheongju").status());
        assertEquals(QuestionFacts.Status.SELF_EMPLOYED, READER.read("I run a small cafe in Yeosu").status());
        assertEquals(QuestionFacts.Status.SELF_EMPLOYED, READER.read("I'm a freelance designer").status());
        assertEquals(QuestionFacts.Status.STUDENT,
                READER.read("I'm an engineering student. Any programmes with paid work at a company?").status());
        assertNull(READER.read("Is there paid work at a company for young people?").status());
        assertTrue(!READER.withoutStatus("I work at a factory and need housing").toLowerCase().contains("work"));
    }
}
