package dev.ainfo.knowledge.control;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.Optional;

/**
 * The configured embedding model, if any, for dense retrieval. Knowledge only states what it needs;
 * the application's one place that builds models ({@code assistant.control.ChatModels}) provides it.
 */
public interface EmbeddingSource {

    /** Empty when dense retrieval is off ({@code ainfo.embedding.provider=none}). */
    Optional<EmbeddingModel> embeddings();

    /** The embedding model's name, which keys the cached vectors. */
    String embeddingModelName();
}
