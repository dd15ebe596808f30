package dev.ainfo.chat.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.auth.entity.Caller;
import dev.ainfo.chat.entity.Frame;
import dev.ainfo.rooms.control.H2ChatLogs;
import dev.ainfo.rooms.control.H2ChatLogs.Row;
import dev.ainfo.rooms.entity.ChatLog;
import dev.ainfo.rooms.entity.MessageStatus;
import dev.ainfo.rooms.entity.Source;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The writer against a real database: H2 with the Flyway schema, EclipseLink with the app's mappings. */
class AnswerLogTest {

    private static final Source RENT = new Source("p-1", "청년 월세 지원", "국토교통부", "https://example.org/p-1");

    private H2ChatLogs logs;
    private final AnswerLog log = new AnswerLog();
    private long room;

    @BeforeEach
    void database() throws Exception {
        logs = new H2ChatLogs();
        log.logs = logs;
        room = logs.newRoom("alice");
    }

    @AfterEach
    void closeDatabase() throws Exception {
        logs.close();
    }

    private Answer answer(long roomId) {
        FakeSocket socket = new FakeSocket();
        AnswerStream out = socket.writer();
        out.open(new Frame.History(List.of()));
        ChatSession chat = new ChatSession(new Caller("alice", Set.of("user"), Instant.now().plusSeconds(3600)), roomId, out);
        return new Answer(chat, "월세 지원이 있나요?", 10_000, (a, status) -> { });
    }

    private Answer begun() {
        Answer answer = answer(room);
        assertTrue(log.begin(answer));
        return answer;
    }

    private Row answerRow() throws Exception {
        return logs.rows(room).get(1);
    }

    @Test
    void beginStoresTheQuestionAndAnEmptyStreamingAnswerInOrder() throws Exception {
        Answer answer = begun();

        List<Row> rows = logs.rows(room);
        assertEquals(2, rows.size());
        Row question = rows.get(0);
        Row reply = rows.get(1);
        assertEquals("user", question.role());
        assertEquals("월세 지원이 있나요?", question.message());
        assertEquals("complete", question.status());
        assertEquals("bot", reply.role());
        assertEquals("", reply.message());
        assertEquals("streaming", reply.status());
        assertNotNull(reply.updatedAt(), "a streaming row says when it was last written");
        assertTrue(question.id() < reply.id(), "the question comes first");
        assertEquals(reply.id(), answer.answerId(), "the answer learns its row");
    }

    @Test
    void progressWritesWhatHasStreamedAndProvesTheInstanceAlive() throws Exception {
        Answer answer = begun();
        OffsetDateTime old = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10);
        logs.execute("UPDATE chat_log SET updated_at = ? WHERE id = ?", old, answer.answerId());
        answer.onDelta("청년 ");
        answer.onDelta("월세");

        log.progress(List.of(answer));

        Row row = answerRow();
        assertEquals("청년 월세", row.message());
        assertEquals("streaming", row.status());
        assertTrue(row.updatedAt().isAfter(old));
    }

    @Test
    void progressWritesEveryStreamingAnswerOfTheInstanceInOneCall() throws Exception {
        long otherRoom = logs.newRoom("bob");
        Answer first = begun();
        Answer second = answer(otherRoom);
        assertTrue(log.begin(second));
        Answer ended = begun();
        first.onDelta("첫째");
        second.onDelta("둘째");
        ended.onDelta("끝난");
        ended.stop();

        log.progress(List.of(first, second, ended));

        assertEquals("첫째", logs.rows(room).get(1).message());
        assertEquals("둘째", logs.rows(otherRoom).get(1).message());
        assertEquals("", logs.rows(room).get(3).message(), "an ended answer is finish's to write");
    }

    @Test
    void progressWritesEveryAnswerAcrossItsSmallTransactions() throws Exception {
        int count = AnswerLog.PROGRESS_ROWS * 2 + 3;
        List<Answer> streaming = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            Answer answer = begun();
            answer.onDelta("조각 " + i);
            streaming.add(answer);
        }
        java.util.Collections.reverse(streaming);

        log.progress(streaming);

        List<Row> rows = logs.rows(room);
        for (int i = 0; i < count; i++) {
            assertEquals("조각 " + i, rows.get(2 * i + 1).message(), "answer " + i);
        }
    }

    @Test
    void progressWritesNothingOnceTheAnswerEnded() throws Exception {
        Answer answer = begun();
        answer.onDelta("a");
        log.progress(List.of(answer));
        answer.onDelta("b");
        answer.stop();

        log.progress(List.of(answer));

        Row row = answerRow();
        assertEquals("a", row.message(), "the end is finish's to write");
        assertEquals("streaming", row.status());
    }

    @Test
    void progressLeavesARowThatIsNoLongerStreaming() throws Exception {
        Answer answer = begun();
        answer.onDelta("a");
        log.progress(List.of(answer));
        log.sweep(Instant.now().plusSeconds(60)); // as if this instance had been given up for dead
        answer.onDelta("b");

        log.progress(List.of(answer));

        Row row = answerRow();
        assertEquals("a", row.message());
        assertEquals("stopped", row.status());
        assertNull(row.updatedAt());
    }

    @Test
    void finishStoresTextStatusAndSources() throws Exception {
        Answer answer = begun();
        answer.cite(List.of(RENT));
        answer.onDelta("월세 지원");

        assertTrue(log.finish(answer, "월세 지원이 있습니다.", MessageStatus.COMPLETE));

        Row row = answerRow();
        assertEquals(answer.answerId(), row.id());
        assertEquals("월세 지원이 있습니다.", row.message());
        assertEquals("complete", row.status());
        assertTrue(row.sources().contains("\"p-1\""), row.sources());
        assertTrue(row.sources().contains("국토교통부"), row.sources());
        assertNull(row.updatedAt(), "a finished row is not swept");
    }

    @Test
    void aFailedAnswerStoresNoSources() throws Exception {
        Answer answer = begun();
        answer.cite(List.of(RENT));

        assertTrue(log.finish(answer, "", MessageStatus.FAILED));

        Row row = answerRow();
        assertEquals("failed", row.status());
        assertEquals("[]", row.sources());
    }

    @Test
    void finishIsNullWhenTheRoomWasDeletedMeanwhile() throws Exception {
        Answer answer = begun();
        logs.execute("DELETE FROM chat_room WHERE id = ?", room);

        assertFalse(log.finish(answer, "too late", MessageStatus.COMPLETE));
        assertEquals(List.of(), logs.rows(room));
    }

    @Test
    void theSweepStopsOnlyStreamingRowsLeftBeforeTheCutoff() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Answer dead = begun();
        dead.onDelta("반쯤");
        log.progress(List.of(dead));
        logs.execute("UPDATE chat_log SET updated_at = ? WHERE id = ?", now.minusMinutes(10), dead.answerId());
        Answer alive = begun();
        Answer finished = begun();
        log.finish(finished, "끝", MessageStatus.COMPLETE);
        // Even an old timestamp on a finished row must not make it stopped.
        logs.execute("UPDATE chat_log SET updated_at = ? WHERE id = ?", now.minusMinutes(10), finished.answerId());

        log.sweep(now.minusMinutes(1).toInstant());

        List<Row> rows = logs.rows(room);
        Row deadRow = rows.get(1);
        Row aliveRow = rows.get(3);
        Row finishedRow = rows.get(5);
        assertEquals(dead.answerId(), deadRow.id());
        assertEquals("stopped", deadRow.status());
        assertEquals("반쯤", deadRow.message(), "it keeps what had streamed");
        assertEquals(alive.answerId(), aliveRow.id());
        assertEquals("streaming", aliveRow.status());
        assertNotNull(aliveRow.updatedAt());
        assertEquals(finished.answerId(), finishedRow.id());
        assertEquals("complete", finishedRow.status());
        assertEquals("끝", finishedRow.message());
    }

    @Test
    void aBrokenDatabaseIsReportedNotThrown() throws Exception {
        Answer stored = begun();
        logs.shutDownDatabase();
        Answer next = answer(room);

        assertFalse(log.begin(next));
        assertEquals(0, next.answerId(), "no row to update");
        assertFalse(log.finish(stored, "x", MessageStatus.COMPLETE));
        assertDoesNotThrow(() -> log.progress(List.of(stored)));
        assertDoesNotThrow(() -> log.sweep(Instant.now()));
    }

    @Test
    void aQuestionForAMissingRoomIsNotStored() throws Exception {
        Answer answer = answer(room + 1_000);

        assertFalse(log.begin(answer));
        assertEquals(0, answer.answerId());
        assertEquals(List.of(), logs.rows(room + 1_000));
    }
}
