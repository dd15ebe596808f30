package dev.ainfo.memory.control;

import dev.langchain4j.model.chat.ChatModel;
import java.util.Optional;

/**
 * The configured language model as memory needs it: one-shot calls for summaries, and its name for the
 * tokenizer. Memory only states what it needs; {@code assistant.control.ChatModels} provides it.
 */
public interface SummaryModel {

    /** Empty offline: summaries are then extractive. */
    Optional<ChatModel> blocking();

    /** The model's name ("offline" without one), which picks the token encoding. */
    String modelName();
}
