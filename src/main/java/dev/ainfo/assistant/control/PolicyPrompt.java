package dev.ainfo.assistant.control;

import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.PolicyHit;
import java.util.List;

/** The policy assistant's instructions and the way retrieved records are shown to the model. */
public final class PolicyPrompt {

    public static final String SYSTEM = """
            You are AInfo, an assistant for Korean public youth-support policies (housing, jobs, start-ups, \
            welfare, education). Answer in the language of the user's question. Use only the policy records \
            given to you; cite each policy you mention by its name and link. If the records do not cover the \
            question, say so plainly and suggest where to ask (온통청년, www.youthcenter.go.kr). Never invent \
            eligibility rules, amounts, dates or documents that are not in the records.""";

    private PolicyPrompt() {
    }

    public static String context(List<PolicyHit> hits) {
        if (hits.isEmpty()) {
            return "No policy record matched the question.";
        }
        StringBuilder text = new StringBuilder("Policy records (cite by name and link):\n");
        int n = 1;
        for (PolicyHit hit : hits) {
            Policy p = hit.policy();
            text.append("\n[").append(n++).append("] ").append(p.title()).append(" (id ").append(p.id()).append(")\n");
            line(text, "Institution", p.institution());
            line(text, "Target age", ages(p));
            line(text, "Region", p.nationwide() ? "nationwide" : String.join(", ", p.regions()));
            line(text, "Summary", p.summary());
            line(text, "Support", p.support());
            line(text, "Eligibility", p.eligibility());
            line(text, "How to apply", p.applyMethod());
            line(text, "Documents", p.documents());
            line(text, "Selection", p.selection());
            line(text, "Application period", p.period());
            line(text, "URL", p.url());
        }
        return text.toString();
    }

    static String ages(Policy p) {
        if (p.minAge() == null && p.maxAge() == null) {
            return "";
        }
        return (p.minAge() == null ? "" : p.minAge()) + "–" + (p.maxAge() == null ? "" : p.maxAge());
    }

    private static void line(StringBuilder text, String label, String value) {
        if (value != null && !value.isBlank()) {
            text.append(label).append(": ").append(value.strip()).append('\n');
        }
    }
}
