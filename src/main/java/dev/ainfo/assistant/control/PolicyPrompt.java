package dev.ainfo.assistant.control;

import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.PolicyHit;
import dev.ainfo.knowledge.entity.QuestionFacts;
import java.time.LocalDate;
import java.util.List;

/** The policy assistant's instructions and the way retrieved records are shown to the model. */
public final class PolicyPrompt {

    public static final String SYSTEM = """
            You are AInfo, an assistant for Korean public youth-support policies (housing, jobs, start-ups, \
            welfare, education), answering from records of the government portal 온통청년 (youthcenter.go.kr).
            Rules:
            - Answer in the language of the user's latest question (Korean or English). Korean record text \
            may be quoted or translated.
            - Use only the policy records given to you in this conversation. Cite every policy you mention by \
            its exact name and its URL.
            - If the records do not cover the question, say so plainly in one or two sentences, suggest \
            온통청년 (https://www.youthcenter.go.kr) or the local government office, and do not guess.
            - Never invent eligibility rules, ages, amounts, dates, documents or application steps that are \
            not in the records. If a record leaves something out, say that the record does not state it.
            - If the asker's age or region (given below when known) falls outside a record's conditions, say so. \
            Start by saying whom the answer was matched for (e.g. "서울 마포구, 26세 기준").
            - Each record states whether it takes applications today. Never present a closed programme as \
            open: mark it closed, and list open ones first.
            - If a record covers the question only in part, say how well it fits.
            - Be brief and concrete: a short answer first, then a list per policy.""";

    /** How much of one field goes to the model: long texts are cut, the link has the rest. */
    static final int FIELD_LIMIT = 700;

    static final String NOTHING_FOUND = "No policy record covers this question. Tell the user the records don't "
            + "cover it and suggest 온통청년 (https://www.youthcenter.go.kr); do not answer from general knowledge.";

    private PolicyPrompt() {
    }

    public static String context(List<PolicyHit> hits) {
        return context(hits, null, null);
    }

    public static String context(List<PolicyHit> hits, QuestionFacts facts, LocalDate today) {
        if (hits.isEmpty()) {
            return NOTHING_FOUND;
        }
        StringBuilder text = new StringBuilder();
        String asker = asker(facts);
        if (!asker.isEmpty()) {
            text.append("About the asker: ").append(asker).append("\n\n");
        }
        if (today != null) {
            text.append("Today is ").append(today).append(".\n");
        }
        text.append("Policy records (cite by name and URL):\n");
        int n = 1;
        for (PolicyHit hit : hits) {
            Policy p = hit.policy();
            text.append("\n[").append(n++).append("] ").append(p.title()).append(" (id ").append(p.id()).append(")\n");
            line(text, "Institution", p.institution());
            line(text, "Target age", ages(p));
            line(text, "Region", p.nationwide() ? "nationwide" : String.join(", ", p.regions()));
            line(text, "Category", (p.category() + " / " + p.subCategory()).replaceAll("^ / | / $", ""));
            line(text, "Summary", p.summary());
            line(text, "Support", p.support());
            line(text, "Eligibility", p.eligibility());
            line(text, "How to apply", p.applyMethod());
            line(text, "Documents", p.documents());
            line(text, "Selection", p.selection());
            line(text, "Application period", p.period());
            line(text, "Programme period", p.business());
            line(text, "Status today", status(hit));
            line(text, "Fit", hit.coverage() < OfflineComposer.GOOD_FIT ? "partial: covers only part of the question" : "");
            line(text, "Notes", p.notes());
            line(text, "URL", p.url());
        }
        return text.toString();
    }

    static String status(PolicyHit hit) {
        return switch (hit.openness().state()) {
            case OPEN -> "open";
            case UPCOMING -> "not open yet (opens " + hit.openness().from() + ")";
            case CLOSED -> "CLOSED (ended " + hit.openness().to() + ")";
            case UNKNOWN -> "";
        };
    }

    static String asker(QuestionFacts facts) {
        if (facts == null) {
            return "";
        }
        StringBuilder asker = new StringBuilder();
        if (facts.age() != null) {
            asker.append("age ").append(facts.age());
        }
        String where = facts.place() != null ? facts.place() + (facts.province() == null ? "" : " (" + facts.province() + ")")
                : facts.province();
        if (where != null) {
            asker.append(asker.length() == 0 ? "" : ", ").append("lives in ").append(where);
        }
        if (facts.status() != null) {
            asker.append(asker.length() == 0 ? "" : ", ").append("status ").append(facts.status().name().toLowerCase());
        }
        return asker.toString();
    }

    static String ages(Policy p) {
        if (p.minAge() == null && p.maxAge() == null) {
            return "";
        }
        return (p.minAge() == null ? "" : p.minAge()) + "–" + (p.maxAge() == null ? "" : p.maxAge());
    }

    private static void line(StringBuilder text, String label, String value) {
        if (value != null && !value.isBlank()) {
            String v = value.strip();
            text.append(label).append(": ").append(v.length() > FIELD_LIMIT ? v.substring(0, FIELD_LIMIT) + "…" : v).append('\n');
        }
    }
}
