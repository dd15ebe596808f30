package dev.ainfo.knowledge.control;

import dev.ainfo.knowledge.entity.Policy;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * Optional dense retrieval: every record embedded once by the configured model (cached on disk per
 * corpus and model), questions embedded at search time, cosine similarity by brute force, which is
 * fast enough for a few thousand records.
 */
public final class DenseRetriever {

    private static final Logger LOG = Logger.getLogger(DenseRetriever.class.getName());
    private static final int BATCH = 64;

    private final EmbeddingModel model;
    private final List<String> ids = new ArrayList<>();
    private final float[][] vectors;

    public DenseRetriever(EmbeddingModel model, List<Policy> corpus, Path cache) {
        this.model = model;
        corpus.forEach(p -> ids.add(p.id()));
        float[][] cached = read(cache, corpus.size());
        if (cached == null) {
            cached = embedAll(corpus);
            write(cache, cached);
        }
        this.vectors = cached;
    }

    static String text(Policy p) {
        return String.join("\n", p.title(), p.category() + " " + p.subCategory(), String.join(", ", p.keywords()),
                p.summary(), p.support());
    }

    private float[][] embedAll(List<Policy> corpus) {
        float[][] all = new float[corpus.size()][];
        for (int from = 0; from < corpus.size(); from += BATCH) {
            List<TextSegment> batch = corpus.subList(from, Math.min(corpus.size(), from + BATCH)).stream()
                    .map(p -> TextSegment.from(text(p))).toList();
            List<Embedding> embedded = model.embedAll(batch).content();
            for (int i = 0; i < embedded.size(); i++) {
                all[from + i] = normalised(embedded.get(i).vector());
            }
        }
        return all;
    }

    /** Record ids, most similar first. */
    public List<String> search(String question, int k) {
        float[] query = normalised(model.embed(question).content().vector());
        return IntStream.range(0, vectors.length).boxed()
                .sorted(Comparator.comparingDouble(i -> -dot(query, vectors[i])))
                .limit(k).map(ids::get).toList();
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = norm == 0 ? 1 : (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }

    private static float[][] read(Path cache, int count) {
        if (!Files.exists(cache)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(cache)))) {
            int n = in.readInt();
            int dim = in.readInt();
            if (n != count) {
                return null;
            }
            float[][] all = new float[n][dim];
            for (float[] v : all) {
                for (int i = 0; i < dim; i++) {
                    v[i] = in.readFloat();
                }
            }
            return all;
        } catch (IOException e) {
            LOG.warning(() -> "ignoring unreadable embedding cache " + cache + ": " + e);
            return null;
        }
    }

    private static void write(Path cache, float[][] all) {
        try {
            Files.createDirectories(cache.getParent());
            try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(cache)))) {
                out.writeInt(all.length);
                out.writeInt(all.length == 0 ? 0 : all[0].length);
                for (float[] v : all) {
                    for (float x : v) {
                        out.writeFloat(x);
                    }
                }
            }
        } catch (IOException e) {
            LOG.warning(() -> "could not cache embeddings in " + cache + ": " + e);
        }
    }
}
