package dev.ainfo.chat.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.auth.entity.Caller;
import dev.ainfo.chat.entity.Frame;
import dev.ainfo.rooms.entity.MessageStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One answer in flight: ends once, never before its question is stored, and keeps what streamed. */
class AnswerTest {

    private final FakeSocket socket = new FakeSocket();
    private final AnswerStream out = socket.writer();
    private final ChatSession chat = new ChatSession(new Caller("alice", Set.of("user"), Instant.now().plusSeconds(3600)), 7, out);
    private final List<MessageStatus> ends = new ArrayList<>();

    private Answer answer(int maxChars) {
        out.open(new Frame.History(List.of()));
        return new Answer(chat, "월세 지원이 있나요?", maxChars, (a, status) -> ends.add(status));
    }

    @Test
    void anEndBeforeTheQuestionIsStoredWaitsForIt() {
        Answer answer = answer(1000);
        answer.onDelta("월세 ");
        answer.onComplete();
        assertTrue(ends.isEmpty(), "not told before the question is stored");

        assertTrue(answer.claimQuestion());
        assertFalse(answer.claimQuestion(), "the question is stored once");
        answer.questionStored(42);

        assertEquals(List.of(MessageStatus.COMPLETE), ends);
        assertEquals(42, answer.answerId());
        assertEquals("월세 ", answer.text());
    }

    @Test
    void itEndsOnceWhateverComesLaterAndCancelsTheModelOnStop() {
        Answer answer = answer(1000);
        answer.claimQuestion();
        answer.questionStored(1);
        AtomicInteger cancelled = new AtomicInteger();
        answer.streaming(cancelled::incrementAndGet);
        answer.onDelta("a");
        answer.stop();
        answer.onDelta("b");
        answer.onComplete();
        answer.onError(new RuntimeException("late"));

        assertEquals(List.of(MessageStatus.STOPPED), ends);
        assertEquals("a", answer.text(), "nothing is kept after the end");
        assertEquals(1, cancelled.get());
        assertTrue(answer.isEnded());
    }

    @Test
    void aModelThatAttachesAfterTheEndIsCancelledAtOnce() {
        Answer answer = answer(1000);
        answer.stop();
        AtomicInteger cancelled = new AtomicInteger();
        answer.streaming(cancelled::incrementAndGet);
        assertEquals(1, cancelled.get());
    }

    @Test
    void anAnswerPastTheLimitIsStoppedWithWhatFits() {
        Answer answer = answer(5);
        answer.claimQuestion();
        answer.questionStored(1);
        answer.onDelta("abc");
        answer.onDelta("defg");

        assertEquals(List.of(MessageStatus.STOPPED), ends);
        assertEquals("abc", answer.text());
    }

    @Test
    void anAbandonedAnswerIsNeverReported() {
        Answer answer = answer(1000);
        answer.onComplete();
        answer.abandon();
        answer.claimQuestion();
        answer.questionStored(1);
        assertTrue(ends.isEmpty());
    }

    @Test
    void aFailureIsKeptForTheLog() {
        Answer answer = answer(1000);
        answer.claimQuestion();
        answer.questionStored(1);
        RuntimeException cause = new RuntimeException("model down");
        answer.onError(cause);
        assertEquals(List.of(MessageStatus.FAILED), ends);
        assertEquals(cause, answer.failure());
    }
}
