package dev.ainfo.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncProfileTest {

    @Test
    void sharesAreOfAllSamplesByThreadGroupStepAndNearestApplicationFrame(@TempDir Path dir) throws Exception {
        Path collapsed = dir.resolve("server-cpu.collapsed");
        Files.writeString(collapsed, String.join("\n",
                "[worker-1 tid=11];java/lang/Thread.run;dev/ainfo/assistant/control/PolicyAssistant.prepare;"
                        + "dev/ainfo/knowledge/control/PolicySearcher.search;org/apache/lucene/search/BooleanScorer.score 6",
                "[worker-2 tid=12];java/lang/Thread.run;dev/ainfo/assistant/control/PolicyAssistant.prepare;"
                        + "java/lang/String.hashCode 2",
                "[C2 CompilerThread0 tid=5];Compile::Compile 2",
                ""));

        String summary = AsyncProfile.summarize(collapsed, 5);

        assertTrue(summary.startsWith("samples: 10\n"), summary);
        assertTrue(summary.contains("   80.0%  worker-#\n"), summary);
        assertTrue(summary.contains("   20.0%  C# CompilerThread#\n"), summary);
        assertTrue(summary.contains("   80.0%  question: memory, retrieval, prompt (PolicyAssistant.prepare)\n"), summary);
        assertTrue(summary.contains("   60.0%  retrieval only (PolicySearcher.search)\n"), summary);
        assertTrue(summary.contains("   60.0%  PolicySearcher.search\n   20.0%  PolicyAssistant.prepare\n"), summary);
        assertTrue(summary.contains("   60.0%  BooleanScorer.score\n"), summary);
    }
}
