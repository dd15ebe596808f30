package dev.ainfo.memory.control;

import dev.ainfo.memory.entity.MemoryMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The offline summary: the first sentence of each line leaving the buffer, so it stays in the
 * conversation's own language without a model. Questions start with "- ", answers with "  → ";
 * the oldest lines go once the summary is over its token budget.
 */
public final class ExtractiveSummarizer implements Summarizer {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?。？！])\\s+|\\R");
    private static final int MAX_LINE_CODE_POINTS = 160;

    private final TokenCounter tokens;
    private final int maxSummaryTokens;

    public ExtractiveSummarizer(TokenCounter tokens, int maxSummaryTokens) {
        this.tokens = tokens;
        this.maxSummaryTokens = maxSummaryTokens;
    }

    @Override
    public String summarize(String previousSummary, List<MemoryMessage> newLines) {
        List<String> lines = new ArrayList<>();
        if (previousSummary != null && !previousSummary.isBlank()) {
            lines.addAll(Arrays.asList(previousSummary.split("\n")));
        }
        for (MemoryMessage line : newLines) {
            String gist = firstSentence(line.message());
            if (!gist.isEmpty()) {
                lines.add(("bot".equals(line.role()) ? "  → " : "- ") + gist);
            }
        }
        while (lines.size() > 1 && tokens.count(String.join("\n", lines)) > maxSummaryTokens) {
            lines.remove(0);
        }
        return String.join("\n", lines);
    }

    static String firstSentence(String text) {
        String stripped = text == null ? "" : text.strip();
        String first = stripped.isEmpty() ? "" : SENTENCE_END.split(stripped, 2)[0].strip();
        // Markdown the answers carry (headings, bullets, emphasis) is noise in a summary.
        first = first.replaceAll("^[#>*\\-\\s]+", "").replace("**", "").strip();
        if (first.codePointCount(0, first.length()) > MAX_LINE_CODE_POINTS) {
            first = first.substring(0, first.offsetByCodePoints(0, MAX_LINE_CODE_POINTS)).strip() + "…";
        }
        return first;
    }
}
