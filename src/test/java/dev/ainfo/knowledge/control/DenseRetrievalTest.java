package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.knowledge.entity.Policy;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional dense side, with a stand-in embedding model: nearest records first, embeddings cached, RRF. */
class DenseRetrievalTest {

    @TempDir
    Path dir;

    /** Embeds text as counts of a few marker words: enough to tell records apart. */
    static final class MarkerModel implements EmbeddingModel {
        static final List<String> MARKERS = List.of("월세", "정장", "이사", "창업");
        final AtomicInteger embedded = new AtomicInteger();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            embedded.addAndGet(segments.size());
            return Response.from(segments.stream().map(s -> {
                float[] v = new float[MARKERS.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = s.text().split(MARKERS.get(i), -1).length - 1 + 0.01f;
                }
                return Embedding.from(v);
            }).toList());
        }
    }

    static Policy policy(String id, String title) {
        return new Policy(id, title, "기관", "https://example.kr/" + id, "주거", "", title, "", "", "", "", "", "",
                null, null, true, List.of(), List.of(), List.of(), "");
    }

    @Test
    void nearestRecordsComeFirstAndEmbeddingsAreCachedOnDisk() {
        List<Policy> corpus = List.of(policy("1", "청년 월세 지원"), policy("2", "면접 정장 대여"), policy("3", "청년 이사 지원"));
        MarkerModel model = new MarkerModel();
        Path cache = dir.resolve("vectors.bin");
        DenseRetriever dense = new DenseRetriever(model, corpus, cache);
        assertEquals("2", dense.search("정장 빌리고 싶어요", 3).get(0));
        assertTrue(Files.exists(cache));
        int afterFirst = model.embedded.get();
        new DenseRetriever(model, corpus, cache);
        assertEquals(afterFirst, model.embedded.get(), "the second start reads the cache instead of embedding again");
    }

    @Test
    void reciprocalRankFusionFavoursRecordsBothRankingsAgreeOn() {
        Map<String, Double> fused = Fusion.rrf(List.of(List.of("a", "b", "c"), List.of("b", "d", "a")));
        assertEquals(List.of("b", "a", "d", "c"), List.copyOf(fused.keySet()));
    }
}
