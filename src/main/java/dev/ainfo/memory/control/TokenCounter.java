package dev.ainfo.memory.control;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.ainfo.memory.entity.MemoryMessage;
import java.util.List;

/**
 * Counts tokens with the byte-pair encoding of the configured model (jtokkit). Models jtokkit does
 * not know, and the offline mode, use o200k_base, the encoding of the default gpt-4o-mini.
 */
public final class TokenCounter {

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private final Encoding encoding;

    private TokenCounter(Encoding encoding) {
        this.encoding = encoding;
    }

    public static TokenCounter forModel(String modelName) {
        return new TokenCounter(REGISTRY.getEncodingForModel(modelName == null ? "" : modelName.strip())
                .orElseGet(() -> REGISTRY.getEncoding(EncodingType.O200K_BASE)));
    }

    public static TokenCounter forEncoding(String encodingName) {
        return new TokenCounter(REGISTRY.getEncoding(encodingName)
                .orElseThrow(() -> new IllegalArgumentException("unknown token encoding " + encodingName)));
    }

    public String encodingName() {
        return encoding.getName();
    }

    /** Ordinary counting: a user who types "<|endoftext|>" gets tokens, not an exception. */
    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    /** Each message's tokens, in order. */
    public List<Integer> counts(List<MemoryMessage> messages) {
        return messages.stream().map(message -> count(message.message())).toList();
    }

    /** The buffer's size: the sum of its messages' tokens. */
    public int count(List<MemoryMessage> messages) {
        int total = 0;
        for (MemoryMessage message : messages) {
            total += count(message.message());
        }
        return total;
    }
}
