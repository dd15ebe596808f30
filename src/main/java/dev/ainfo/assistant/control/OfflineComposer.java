package dev.ainfo.assistant.control;

import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.PolicyHit;
import java.util.List;

/** Writes an answer from the retrieved records alone, for when no language model is configured. */
public final class OfflineComposer {

    private OfflineComposer() {
    }

    public static String compose(String question, List<PolicyHit> hits) {
        if (hits.isEmpty()) {
            return "질문에 맞는 청년 정책을 찾지 못했습니다. 지역, 나이, 필요한 지원(주거, 일자리, 창업 등)을 "
                    + "함께 알려 주시면 다시 찾아볼게요. 온통청년(https://www.youthcenter.go.kr)에서도 확인할 수 있습니다.";
        }
        StringBuilder answer = new StringBuilder("질문과 관련된 청년 정책입니다.\n");
        int n = 1;
        for (PolicyHit hit : hits) {
            Policy p = hit.policy();
            answer.append('\n').append(n++).append(". **").append(p.title()).append("**");
            if (p.institution() != null && !p.institution().isBlank()) {
                answer.append(" (").append(p.institution()).append(')');
            }
            answer.append('\n');
            bullet(answer, p.summary());
            bullet(answer, p.support());
            if (p.url() != null && !p.url().isBlank()) {
                answer.append("   - 링크: ").append(p.url()).append('\n');
            }
        }
        return answer.toString();
    }

    private static void bullet(StringBuilder answer, String text) {
        if (text != null && !text.isBlank()) {
            String oneLine = text.strip().replaceAll("\\s+", " ");
            answer.append("   - ").append(oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine).append('\n');
        }
    }
}
