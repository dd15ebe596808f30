package dev.ainfo.assistant.control;

import dev.ainfo.assistant.entity.PreparedAnswer;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;

/** Streams an answer from a langchain4j chat model; callbacks arrive on the HTTP client's executor. */
final class ModelAnswerer {

    private ModelAnswerer() {
    }

    static AnswerHandle stream(StreamingChatModel model, PreparedAnswer prepared, AnswerListener listener) {
        Relay relay = new Relay(listener);
        model.chat(ChatRequest.builder().messages(prepared.prompt()).build(), relay);
        return relay;
    }

    /** Forwards model output until cancelled; cancelling closes the upstream connection. */
    private static final class Relay implements StreamingChatResponseHandler, AnswerHandle {
        private final AnswerListener listener;
        private volatile boolean cancelled;
        private volatile StreamingHandle upstream;

        Relay(AnswerListener listener) {
            this.listener = listener;
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            upstream = context.streamingHandle();
            if (cancelled) {
                upstream.cancel();
                return;
            }
            listener.onDelta(partial.text());
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            if (!cancelled) {
                listener.onComplete();
            }
        }

        @Override
        public void onError(Throwable error) {
            if (!cancelled) {
                listener.onError(error);
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            StreamingHandle handle = upstream;
            if (handle != null) {
                handle.cancel();
            }
        }
    }
}
