package dev.ainfo.memory.control;

import dev.ainfo.memory.entity.MemoryMessage;
import java.util.List;

/** Progressive summarisation: the previous summary plus the lines leaving the buffer give the new summary. */
public interface Summarizer {

    String summarize(String previousSummary, List<MemoryMessage> newLines);
}
