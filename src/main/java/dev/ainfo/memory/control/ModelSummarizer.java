package dev.ainfo.memory.control;

import dev.ainfo.memory.entity.MemoryMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The model writes the summary, with LangChain's progressive-summary prompt, told to keep the
 * conversation's language. When the model fails, the extractive summary keeps the turn.
 */
public final class ModelSummarizer implements Summarizer {

    private static final Logger LOG = Logger.getLogger(ModelSummarizer.class.getName());

    static final String INSTRUCTIONS = """
            Progressively summarize the lines of conversation provided, adding onto the previous \
            summary and returning a new summary. Keep names, policies, amounts, dates and what the \
            user asked for. Write the new summary in the language the conversation is written in \
            (a Korean conversation gets a Korean summary). Answer with the summary only.""";

    private final ChatModel model;
    private final Summarizer fallback;

    public ModelSummarizer(ChatModel model, Summarizer fallback) {
        this.model = model;
        this.fallback = fallback;
    }

    @Override
    public String summarize(String previousSummary, List<MemoryMessage> newLines) {
        String lines = newLines.stream()
                .map(line -> ("bot".equals(line.role()) ? "AI: " : "Human: ") + line.message())
                .collect(Collectors.joining("\n"));
        String request = "Current summary:\n" + (previousSummary == null ? "" : previousSummary)
                + "\n\nNew lines of conversation:\n" + lines + "\n\nNew summary:";
        try {
            String summary = model.chat(SystemMessage.from(INSTRUCTIONS), UserMessage.from(request)).aiMessage().text();
            if (summary != null && !summary.isBlank()) {
                return summary.strip();
            }
            LOG.warning("the model returned an empty summary; keeping an extractive one");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the model could not summarise; keeping an extractive summary", e);
        }
        return fallback.summarize(previousSummary, newLines);
    }
}
