package dev.ainfo.knowledge.control;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** A PolicyIndex over the shipped corpus as the server configures it, for tests outside this package. */
public final class TestIndexes {

    private TestIndexes() {
    }

    public static PolicyIndex open(Clock clock) {
        PolicyIndex index = new PolicyIndex();
        index.dataDir = Path.of("target", "ainfo-eval-data").toString();
        index.source = Optional.empty();
        index.minCoverage = Double.parseDouble(System.getProperty("ainfo.knowledge.min-coverage",
                ConfigDefaults.value("ainfo.knowledge.min-coverage")));
        index.minScore = Double.parseDouble(System.getProperty("ainfo.knowledge.min-score",
                ConfigDefaults.value("ainfo.knowledge.min-score")));
        index.readyTimeout = Duration.ofSeconds(60);
        index.clock = clock;
        index.reindex();
        return index;
    }

    public static void close(PolicyIndex index) {
        index.close();
    }
}
