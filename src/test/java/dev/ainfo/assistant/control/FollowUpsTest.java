package dev.ainfo.assistant.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.knowledge.control.PolicyIndex;
import dev.ainfo.knowledge.control.TestIndexes;
import dev.ainfo.knowledge.entity.PolicyHit;
import dev.ainfo.knowledge.entity.QuestionFacts;
import dev.ainfo.knowledge.entity.Retrieval;
import dev.ainfo.memory.entity.ConversationTopic;
import dev.ainfo.memory.entity.MemoryMessage;
import dev.ainfo.memory.entity.MemorySnapshot;
import dev.ainfo.profile.entity.Profile;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Follow-ups against the real index: the topic, region, age and status carried in the conversation's
 * {@link ConversationTopic}, not in the buffer, which the default memory limit empties after one answer.
 */
class FollowUpsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-15T03:00:00Z"), ZoneId.of("Asia/Seoul"));
    static PolicyIndex index;
    static FollowUps followUps;

    @BeforeAll
    static void open() {
        index = TestIndexes.open(CLOCK);
        followUps = new FollowUps(index);
    }

    @AfterAll
    static void close() {
        TestIndexes.close(index);
    }

    /** The buffer after one offline answer with the default limit: only a summary, no messages. */
    static final MemorySnapshot SUMMARISED = new MemorySnapshot("사용자가 청년 정책을 물었다.", List.of());

    static Retrieval retrieve(FollowUps.Resolved r) {
        return index.retrieve(r.query(), r.facts(), 5);
    }

    @Test
    void aFollowUpKeepsTheTopicRegionAndAgeWhenTheBufferIsEmpty() {
        FollowUps.Resolved first = followUps.resolve("대전 사는 25살인데 월세 지원 받을 수 있어요?", ConversationTopic.NONE,
                MemorySnapshot.EMPTY, null);
        assertEquals("대전", first.next().province());
        assertEquals(25, first.next().age());
        assertTrue(first.next().topic().contains("월세"), first.next().topic());

        FollowUps.Resolved next = followUps.resolve("그럼 신청은 어떻게 해요?", first.next(), SUMMARISED, null);
        assertTrue(next.followUp());
        assertEquals("대전", next.facts().province());
        assertEquals(25, next.facts().age());
        assertTrue(next.facts().aspects().contains(QuestionFacts.Aspect.HOW_TO_APPLY));
        Retrieval found = retrieve(next);
        assertFalse(found.abstained());
        for (PolicyHit hit : found.grounded()) {
            assertTrue(hit.policy().nationwide() || hit.policy().regions().contains("대전"), hit.policy().title());
        }
        assertTrue(found.grounded().get(0).policy().title().contains("월세"), found.grounded().get(0).policy().title());
        assertEquals(first.next(), next.next(), "a follow-up leaves the topic as it was");
    }

    @Test
    void aStatusOnlyFollowUpKeepsTheTopicAndAddsTheStatus() {
        ConversationTopic carried = new ConversationTopic("월세", "대전", null, 25, null);
        FollowUps.Resolved next = followUps.resolve("저 대학생인데 돼요?", carried, SUMMARISED, null);
        assertTrue(next.followUp());
        assertEquals(QuestionFacts.Status.STUDENT, next.facts().status());
        assertEquals("STUDENT", next.next().status());
        assertTrue(retrieve(next).grounded().get(0).policy().title().contains("월세"));
    }

    @Test
    void aNewTopicKeepsWhoIsAskingButNotTheOldTopic() {
        ConversationTopic carried = new ConversationTopic("기쁨 두배 통장", "부산", null, 24, null);
        FollowUps.Resolved next = followUps.resolve("면접 정장 빌려주는 거 있어요?", carried, SUMMARISED, null);
        assertFalse(next.followUp());
        assertFalse(next.query().contains("기쁨"), next.query());
        assertEquals("부산", next.facts().province());
        assertEquals(24, next.facts().age());
        assertTrue(next.next().topic().contains("정장"), next.next().topic());
    }

    @Test
    void aShortQuestionWithoutFactsAsksMoreUnlessItAsksForProgrammes() {
        ConversationTopic carried = new ConversationTopic("영농 정착금", "울산", "울주군", 29, null);
        FollowUps.Resolved more = followUps.resolve("한 달에 얼마씩 나와요?", carried, SUMMARISED, null);
        assertTrue(more.followUp());
        assertTrue(more.query().contains("정착금"), more.query());
        assertEquals("영농 정착금", more.next().topic(), "a follow-up's own words do not replace the topic");

        FollowUps.Resolved fresh = followUps.resolve("청년 주거 지원 정책을 알려줘", carried, SUMMARISED, null);
        assertFalse(fresh.followUp(), "asks for programmes of its own");
        assertFalse(fresh.query().contains("정착금"), fresh.query());
    }

    @Test
    void theQuestionsOwnFactsWinOverTheConversationsAndTheProfiles() {
        ConversationTopic carried = new ConversationTopic("월세", "대전", null, 25, "EMPLOYED");
        QuestionFacts profile = ProfileFacts.of(new Profile(1990, "서울", "마포구", Profile.Status.JOB_SEEKER, List.of()),
                LocalDate.now(CLOCK));
        FollowUps.Resolved next = followUps.resolve("부산 사는 29살 대학생인데 그건요?", carried, SUMMARISED, profile);
        assertEquals("부산", next.facts().province());
        assertNull(next.facts().place(), "the profile's district belongs to another province");
        assertEquals(29, next.facts().age());
        assertEquals(QuestionFacts.Status.STUDENT, next.facts().status());
    }

    @Test
    void theProfileFillsWhatNeitherTheQuestionNorTheConversationSays() {
        QuestionFacts profile = ProfileFacts.of(new Profile(2000, "서울", "마포구", Profile.Status.JOB_SEEKER, List.of("주거")),
                LocalDate.now(CLOCK));
        FollowUps.Resolved r = followUps.resolve("월세 지원 받을 수 있는 거 있어요?", ConversationTopic.NONE, MemorySnapshot.EMPTY, profile);
        assertEquals("서울", r.facts().province());
        assertEquals("마포구", r.facts().place());
        assertEquals(26, r.facts().age());
        assertEquals(QuestionFacts.Status.JOB_SEEKER, r.facts().status());
        assertNull(r.next().province(), "the profile is not copied into the conversation");
        for (PolicyHit hit : retrieve(r).grounded()) {
            assertTrue(hit.policy().nationwide() || hit.policy().regions().contains("서울"), hit.policy().title());
        }
    }

    @Test
    void aHashFromBeforeTopicsWereKeptFallsBackToTheBuffer() {
        MemorySnapshot buffer = new MemorySnapshot("", List.of(new MemoryMessage("user", "부산 청년 기쁨두배통장 얼마 지원해줘요?"),
                new MemoryMessage("bot", "부산청년 기쁨두배통장은 …")));
        FollowUps.Resolved next = followUps.resolve("그럼 신청은 어떻게 해요?", ConversationTopic.NONE, buffer, null);
        assertTrue(next.followUp());
        assertTrue(retrieve(next).grounded().get(0).policy().title().contains("기쁨두배"));
    }
    @Test
    void aFollowUpAboutTheProgrammesFoundIsSearchedByTheTopicAlone() {
        FollowUps.Resolved first = followUps.resolve("대전 사는 25살인데 월세 지원 받을 수 있어요?", ConversationTopic.NONE,
                MemorySnapshot.EMPTY, null);
        String best = retrieve(first).grounded().get(0).policy().id();
        for (String ask : List.of("부모님이랑 같이 살아도 돼요?", "남편은 다른 지역 살다가 왔는데 괜찮아요?", "그거 임기는 얼마나 돼요?",
                "소득 기준 있어요?")) {
            FollowUps.Resolved next = followUps.resolve(ask, first.next(), SUMMARISED, null);
            assertTrue(next.followUp(), ask);
            assertEquals(first.next().topic(), next.query(), "its own words (부모, 남편, 임기, 소득) are not searched: " + ask);
            assertEquals(best, retrieve(next).grounded().get(0).policy().id(), ask);
        }
    }

    @Test
    void theAnswerToATopicSearchedFollowUpKeepsWhatItAsksAndItsLanguage() {
        FollowUps.Resolved first = followUps.resolve("I'm 25 and live in Daejeon. Is there help with monthly rent?",
                ConversationTopic.NONE, MemorySnapshot.EMPTY, null);
        FollowUps.Resolved next = followUps.resolve("What documents do I need?", first.next(), SUMMARISED, null);
        assertTrue(next.followUp());
        Retrieval found = retrieve(next);
        assertTrue(found.facts().english(), "answered in English");
        assertTrue(found.facts().aspects().contains(QuestionFacts.Aspect.DOCUMENTS), found.facts().toString());
        assertEquals(retrieve(first).grounded().get(0).policy().id(), found.grounded().get(0).policy().id(),
                "the programme the English question found");
    }

    @Test
    void aFollowUpAskingForOtherProgrammesSearchesItsOwnWordsWithTheTopic() {
        ConversationTopic carried = new ConversationTopic("월세", "대전", null, 25, null);
        FollowUps.Resolved next = followUps.resolve("그럼 전세는요?", carried, SUMMARISED, null);
        assertTrue(next.followUp());
        assertTrue(next.query().contains("전세") && next.query().contains("월세"), next.query());
        assertTrue(next.next().topic().startsWith("전세"), "what it searched becomes the topic: " + next.next().topic());
        assertEquals("대전", next.next().province());
    }

    @Test
    void aFirstQuestionNamingOnlyTheAskerKeepsThoseWordsAsItsTopic() {
        for (String question : List.of("I'm 26 in Incheon. Any support for job seekers?",
                "I'm 29 and looking for a job in Suwon. Any support for job seekers?", "인천 사는 26살 취준생인데 받을 수 있는 거 있어요?")) {
            FollowUps.Resolved first = followUps.resolve(question, ConversationTopic.NONE, MemorySnapshot.EMPTY, null);
            assertEquals(QuestionFacts.Status.JOB_SEEKER, first.facts().status());
            assertTrue(first.next().topic() != null && !first.next().topic().isBlank(), question);
            FollowUps.Resolved next = followUps.resolve("How do I apply?", first.next(), SUMMARISED, null);
            assertTrue(next.followUp());
            assertEquals(retrieve(first).grounded().get(0).policy().id(), retrieve(next).grounded().get(0).policy().id(),
                    "the programme the first question found: " + question);
        }
    }

    @Test
    void anEnglishFollowUpWhoseWordsNoGlossTranslatesAsksAboutTheProgrammesFound() {
        ConversationTopic carried = new ConversationTopic("면접 정장 대여", "부산", null, 27, null);
        FollowUps.Resolved next = followUps.resolve("And is there a limit on how many times?", carried, SUMMARISED, null);
        assertTrue(next.followUp());
        assertEquals("면접 정장 대여", next.query(), "'is there' asks about the programme, not for others");
        assertEquals("면접 정장 대여", next.next().topic());
        FollowUps.Resolved other = followUps.resolve("What about housing?", carried, SUMMARISED, null);
        assertTrue(other.query().contains("housing") && other.next().topic().contains("주거"), other.next().topic());
    }

    @Test
    void pointingAtAProgrammeByItsPlaceInTheListIsAFollowUp() {
        ConversationTopic carried = new ConversationTopic("월세", "대전", null, 25, null);
        for (String question : List.of("Tell me more about the first one", "Are those open now?", "두 번째 거 더 자세히 알려줘")) {
            FollowUps.Resolved next = followUps.resolve(question, carried, SUMMARISED, null);
            assertTrue(next.followUp(), question);
            assertEquals("월세", next.query(), question);
        }
    }

    @Test
    void anEnglishQuestionAskingAPartOfAProgrammeInNoGlossedWordIsAFollowUpHoweverLong() {
        ConversationTopic carried = new ConversationTopic("월세", "대전", null, 25, null);
        for (String question : List.of("How long does the support last for people like me?", "Can I also get this if I have a job?")) {
            FollowUps.Resolved next = followUps.resolve(question, carried, SUMMARISED, null);
            assertTrue(next.followUp(), question);
            assertEquals("월세", next.query(), question);
            assertEquals("월세", next.next().topic(), question);
        }
        FollowUps.Resolved employed = followUps.resolve("Can I also get this if I have a job?", carried, SUMMARISED, null);
        assertEquals(QuestionFacts.Status.EMPLOYED, employed.facts().status(), "having a job is the asker's status");
        FollowUps.Resolved weather = followUps.resolve("What's the weather like tomorrow?", carried, SUMMARISED, null);
        assertFalse(weather.followUp(), "asks no part of a programme");
        assertTrue(retrieve(weather).grounded().isEmpty(), "and nothing answers it");
    }
}
