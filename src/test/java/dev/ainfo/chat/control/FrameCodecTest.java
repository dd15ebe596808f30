package dev.ainfo.chat.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ainfo.chat.entity.ClientFrame;
import dev.ainfo.chat.entity.ErrorCode;
import dev.ainfo.chat.entity.Frame;
import dev.ainfo.rooms.entity.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    @Test
    void serverFramesKeepTheOriginalFieldNames() {
        assertEquals("{\"type\":\"chunk\",\"response\":\"안녕\",\"is_streaming\":true}",
                FrameCodec.encode(new Frame.Chunk("안녕")));
        assertEquals("{\"type\":\"done\",\"response\":\"끝\",\"is_streaming\":false,\"messageId\":18,\"status\":\"complete\","
                        + "\"sources\":[{\"id\":\"p1\",\"title\":\"t\",\"institution\":\"i\",\"url\":\"u\"}]}",
                FrameCodec.encode(new Frame.Done("끝", 18, "complete", List.of(new Source("p1", "t", "i", "u")))));
        assertEquals("{\"type\":\"error\",\"code\":\"busy\",\"error\":\"wait\"}",
                FrameCodec.encode(Frame.Error.of(ErrorCode.BUSY, "wait")));
        assertEquals("{\"type\":\"history\",\"messages\":[{\"id\":1,\"role\":\"user\",\"message\":\"q\",\"timestamp\":\"ts\"}]}",
                FrameCodec.encode(new Frame.History(List.of(new Frame.HistoryMessage(1, "user", "q", "ts", null, null)))));
    }

    @Test
    void questionsAndStopsAreRecognised() throws ChatError {
        assertEquals(new ClientFrame.Ask("월세 지원?"), FrameCodec.decode("{\"message\":\"월세 지원?\"}"));
        assertEquals(new ClientFrame.Ask("q"), FrameCodec.decode("{\"message\":\"q\",\"is_report\":true}"));
        assertInstanceOf(ClientFrame.Stop.class, FrameCodec.decode("{\"type\":\"stop\"}"));
    }

    @Test
    void badFramesGetTheirCodes() {
        assertEquals(ErrorCode.INVALID_JSON, assertThrows(ChatError.class, () -> FrameCodec.decode("{")).code());
        assertEquals(ErrorCode.INVALID_JSON, assertThrows(ChatError.class, () -> FrameCodec.decode("\"text\"")).code());
        assertEquals(ErrorCode.INVALID_MESSAGE, assertThrows(ChatError.class, () -> FrameCodec.decode("{}")).code());
        assertEquals(ErrorCode.INVALID_MESSAGE, assertThrows(ChatError.class, () -> FrameCodec.decode("{\"message\":\" \"}")).code());
        assertEquals(ErrorCode.INVALID_MESSAGE, assertThrows(ChatError.class, () -> FrameCodec.decode("{\"message\":[1]}")).code());
        assertEquals(ErrorCode.INVALID_MESSAGE, assertThrows(ChatError.class, () -> FrameCodec.decode("{\"type\":\"ping\"}")).code());
    }
}
