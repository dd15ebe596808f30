package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.knowledge.entity.QuestionFacts.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the asker does, read from Korean cues and English sentences. */
class AskerStatusTest {

    @Test
    void theStatusWordsAreTheCuesAsSaidLongestFirstInOrder() {
        assertEquals(List.of("job seeker"), AskerStatus.words("Any support for job seekers?"));
        assertEquals(List.of("취준생"), AskerStatus.words("취준생인데 받을 수 있는 거 있어요?"));
        assertEquals(List.of("college student", "i work at"),
                AskerStatus.words("I'm a college student and I work at a cafe"));
        assertTrue(AskerStatus.words("월세 지원 있어요?").isEmpty());
    }

    @Test
    void theLongestCueWinsWhateverTheOrderOfTheMap() {
        assertEquals(Status.STUDENT, AskerStatus.of("대학원생인데 장학금 있어요?"));
        assertEquals(Status.STUDENT, AskerStatus.of("i'm an engineering student. any programmes with paid work at a company?"));
        assertEquals(Status.EMPLOYED, AskerStatus.of("i'm 24 and work at a small company"));
    }

    @Test
    void aCueIsRemovedWholeNeverFromInsideALongerOne() {
        assertEquals("장학금", AskerStatus.without("대학생 장학금").strip());
        assertEquals("장학금", AskerStatus.without("대학원생 장학금").strip());
        assertTrue(AskerStatus.without("I work at a factory and need housing").toLowerCase().contains("housing"));
        assertTrue(!AskerStatus.without("I work at a factory and need housing").toLowerCase().contains("work"));
    }

    @Test
    void havingAJobIsBeingEmployedButAJobInterviewIsNot() {
        assertEquals(Status.EMPLOYED, AskerStatus.of("i have a job, can i still get it?"));
        assertEquals(Status.EMPLOYED, AskerStatus.of("can i get this if i have a part-time job?"));
        assertEquals(null, AskerStatus.of("i have a job interview next week. any suit rental?"));
        assertTrue(!AskerStatus.without("I have a job and need housing").toLowerCase().contains("job"));
    }
}
