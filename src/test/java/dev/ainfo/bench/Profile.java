package dev.ainfo.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/** Where a JFR recording's execution samples landed: top methods (self) and top packages. */
final class Profile {

    private Profile() {
    }

    static String summarize(Path recording, int top) throws IOException {
        Map<String, Integer> methods = new TreeMap<>();
        Map<String, Integer> packages = new TreeMap<>();
        Map<String, Integer> appFrames = new TreeMap<>();
        Map<String, Integer> allocatedTypes = new TreeMap<>();
        Map<String, Integer> allocatingFrames = new TreeMap<>();
        int samples = 0;
        int allocatedKb = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String kind = event.getEventType().getName();
            if (event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (kind.equals("jdk.ExecutionSample")) {
                samples++;
                RecordedFrame self = frames.get(0);
                String type = self.getMethod().getType().getName();
                methods.merge(type + "." + self.getMethod().getName(), 1, Integer::sum);
                packages.merge(packageOf(type), 1, Integer::sum);
                for (RecordedFrame frame : frames) {
                    String owner = frame.getMethod().getType().getName();
                    if (owner.startsWith("dev.ainfo.")) {
                        appFrames.merge(owner.substring(owner.lastIndexOf('.') + 1) + "." + frame.getMethod().getName(), 1, Integer::sum);
                        break;
                    }
                }
            } else if (kind.equals("jdk.ObjectAllocationSample")) {
                int kb = (int) Math.max(1, event.getLong("weight") / 1024);
                allocatedKb += kb;
                allocatedTypes.merge(event.getClass("objectClass").getName(), kb, Integer::sum);
                for (RecordedFrame frame : frames) {
                    String owner = frame.getMethod().getType().getName();
                    if (!owner.startsWith("java.") && !owner.startsWith("jdk.") && !owner.startsWith("sun.")) {
                        allocatingFrames.merge(owner + "." + frame.getMethod().getName(), kb, Integer::sum);
                        break;
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder("execution samples: " + samples + "\n");
        out.append("top methods (self):\n").append(top(methods, samples, top));
        out.append("top packages (self):\n").append(top(packages, samples, top));
        out.append("nearest application frame (inclusive):\n").append(top(appFrames, samples, top));
        out.append("allocated (sampled weight, ").append(allocatedKb / 1024).append(" MB): by class\n")
                .append(top(allocatedTypes, allocatedKb, top));
        out.append("allocated: by nearest frame outside the JDK\n").append(top(allocatingFrames, allocatedKb, top));
        return out.toString();
    }

    private static String packageOf(String type) {
        String[] parts = type.split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(parts.length - 1, 3)));
    }

    /** The n largest counts as shares of total, one "  12.3%  key" line each; shared with AsyncProfile. */
    static String top(Map<String, ? extends Number> counts, long total, int n) {
        StringBuilder out = new StringBuilder();
        counts.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, ? extends Number> e) -> e.getValue().doubleValue()).reversed())
                .limit(n)
                .forEach(e -> out.append(String.format("  %5.1f%%  %s%n", 100.0 * e.getValue().doubleValue() / Math.max(1, total), e.getKey())));
        return out.toString();
    }
}
