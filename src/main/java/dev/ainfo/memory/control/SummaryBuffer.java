package dev.ainfo.memory.control;

import dev.ainfo.memory.entity.MemoryMessage;
import dev.ainfo.memory.entity.StoredMemory;
import java.util.ArrayList;
import java.util.List;

/** LangChain's summary buffer over a {@link StoredMemory}: turns join the buffer, the oldest lines leave it for the summary. */
final class SummaryBuffer {

    /** Enough ids to recognise any retry; a turn older than this is long summarised. */
    static final int REMEMBERED_ANSWERS = 50;

    private final TokenCounter tokens;
    private final Summarizer summarizer;
    private final int maxTokenLimit;

    SummaryBuffer(TokenCounter tokens, Summarizer summarizer, int maxTokenLimit) {
        this.tokens = tokens;
        this.summarizer = summarizer;
        this.maxTokenLimit = maxTokenLimit;
    }

    /** The memory with one more turn, each message counted once as it joins. */
    StoredMemory appended(StoredMemory current, long answerId, String question, String answer) {
        List<MemoryMessage> messages = new ArrayList<>(current.messages());
        messages.add(new MemoryMessage("user", question));
        messages.add(new MemoryMessage("bot", answer));
        List<Integer> counts = new ArrayList<>(current.counts());
        counts.add(tokens.count(question));
        counts.add(tokens.count(answer));
        List<Long> answers = new ArrayList<>(current.answers());
        answers.add(answerId);
        if (answers.size() > REMEMBERED_ANSWERS) {
            answers = answers.subList(answers.size() - REMEMBERED_ANSWERS, answers.size());
        }
        return new StoredMemory(current.summary(), messages, counts, answers);
    }

    /** Pops the oldest lines until the buffer fits, and summarises what was popped. */
    StoredMemory summarised(StoredMemory memory) {
        int total = memory.tokens();
        if (total <= maxTokenLimit) {
            return memory;
        }
        int leaving = 0;
        while (total > maxTokenLimit && leaving < memory.messages().size()) {
            total -= memory.counts().get(leaving++);
        }
        int size = memory.messages().size();
        String summary = summarizer.summarize(memory.summary(), memory.messages().subList(0, leaving));
        return new StoredMemory(summary, memory.messages().subList(leaving, size),
                memory.counts().subList(leaving, size), memory.answers());
    }

    /** Without Redis there is no summary, so a buffer rebuilt from the log keeps only what fits the limit. */
    List<MemoryMessage> trimmed(List<MemoryMessage> messages) {
        List<MemoryMessage> buffer = new ArrayList<>(messages);
        int total = tokens.count(buffer);
        while (total > maxTokenLimit && !buffer.isEmpty()) {
            total -= tokens.count(buffer.remove(0).message());
        }
        return buffer;
    }
}
