package dev.ainfo.knowledge.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ainfo.knowledge.entity.Policy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;

/**
 * Keeps built indexes under {@code <data-dir>/knowledge-index/<fingerprint>}: the fingerprint covers
 * the corpus and the index layout, so an unchanged corpus is opened instead of analysed again
 * (Nori analysis is the slow part), and a new corpus or layout gets a fresh folder.
 */
public final class IndexStore {

    /** Bump when fields or analysis change, so old indexes are not reused. */
    static final String LAYOUT = "policy-index-v7";
    private static final Logger LOG = Logger.getLogger(IndexStore.class.getName());

    private IndexStore() {
    }

    /** The searcher, and whether it was loaded from disk rather than built. */
    public record Opened(PolicySearcher searcher, boolean loaded, long millis) {
    }

    public static Opened open(List<Policy> corpus, Path dataDir) {
        return open(corpus, dataDir, QuestionReader.KOREA);
    }

    /** As {@link #open(List, Path)}, the searcher reading questions against the application's {@code clock}. */
    public static Opened open(List<Policy> corpus, Path dataDir, Clock clock) {
        long start = System.nanoTime();
        Path root = dataDir.resolve("knowledge-index");
        Path folder = root.resolve(fingerprint(corpus));
        try {
            boolean existed = Files.isDirectory(folder) && Files.exists(folder.resolve("ready"));
            if (!existed) {
                delete(folder);
            }
            Files.createDirectories(folder);
            PolicySearcher searcher = new PolicySearcher(corpus, FSDirectory.open(folder), clock);
            Files.writeString(folder.resolve("ready"), LAYOUT);
            removeOthers(root, folder);
            return new Opened(searcher, existed, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fingerprint(List<Policy> corpus) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(LAYOUT.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            // The user dictionary (its words and the 시·군·구 list) changes how every record is analysed, so it is
            // part of the index's identity.
            for (String resource : List.of("knowledge/nori-userdict.txt", Districts.RESOURCE, KoreanText.COMPOUNDS)) {
                try (java.io.InputStream dictionary = IndexStore.class.getClassLoader().getResourceAsStream(resource)) {
                    if (dictionary != null) {
                        digest.update(dictionary.readAllBytes());
                    }
                }
            }
            digest.update(new ObjectMapper().writeValueAsBytes(corpus));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void removeOthers(Path root, Path keep) {
        try (Stream<Path> folders = Files.list(root)) {
            folders.filter(f -> !f.equals(keep)).forEach(IndexStore::delete);
        } catch (IOException e) {
            LOG.warning(() -> "could not tidy " + root + ": " + e);
        }
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            LOG.warning(() -> "could not delete " + folder + ": " + e);
        }
    }
}
