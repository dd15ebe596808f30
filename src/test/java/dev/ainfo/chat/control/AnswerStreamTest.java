package dev.ainfo.chat.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.chat.entity.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The single writer of a socket: order, the history first, merging for slow readers, the bound. */
class AnswerStreamTest {

    @Test
    void framesQueuedBeforeTheHistoryLeaveAfterIt() {
        FakeSocket socket = new FakeSocket();
        AnswerStream out = socket.writer();
        out.send(Frame.Error.of(dev.ainfo.chat.entity.ErrorCode.BUSY, "busy"));
        assertTrue(socket.sent.isEmpty(), "nothing leaves before the first frame");

        out.open(new Frame.History(List.of()));

        assertEquals(2, socket.sent.size());
        assertTrue(socket.sent.get(0).contains("\"history\""), socket.sent.toString());
        assertTrue(socket.sent.get(1).contains("\"busy\""), socket.sent.toString());
    }

    @Test
    void deltasMergeWhileTheClientIsSlowAndNothingIsLostOrReordered() {
        FakeSocket socket = new FakeSocket().slow();
        AnswerStream out = socket.writer();
        out.open(new Frame.History(List.of()));
        for (int i = 0; i < 100; i++) {
            out.delta("t" + i + " ");
        }
        out.send(new Frame.Done("all", 1, "complete", List.of()));
        while (socket.complete()) {
            // the client reads everything, one frame at a time
        }

        assertTrue(socket.sent.size() <= 4, "merged into few frames: " + socket.sent.size());
        StringBuilder text = new StringBuilder();
        List<String> types = new ArrayList<>();
        for (String frame : socket.sent) {
            types.add(frame.replaceAll(".*\"type\":\"(\\w+)\".*", "$1"));
            if (frame.contains("\"chunk\"")) {
                text.append(frame.replaceAll(".*\"response\":\"([^\"]*)\".*", "$1"));
            }
        }
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            expected.append("t").append(i).append(' ');
        }
        assertEquals(expected.toString(), text.toString());
        assertEquals("history", types.get(0));
        assertEquals("done", types.get(types.size() - 1));
    }

    @Test
    void aClientThatOwesTooMuchIsGivenUpAndTheOwnerTold() {
        FakeSocket socket = new FakeSocket().slow();
        AtomicReference<Throwable> told = new AtomicReference<>();
        AnswerStream out = new AnswerStream(socket.session, 30_000, 50, 0, told::set);
        out.open(new Frame.History(List.of()));
        out.delta("x".repeat(40));
        out.delta("y".repeat(40));

        assertTrue(out.isBroken());
        assertTrue(String.valueOf(told.get()).contains("not reading"), String.valueOf(told.get()));
        int before = socket.sent.size();
        out.send(new Frame.Done("", 1, "stopped", List.of()));
        assertEquals(before, socket.sent.size(), "nothing more is written to a broken socket");
    }
}
