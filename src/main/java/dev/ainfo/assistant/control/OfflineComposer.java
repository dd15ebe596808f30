package dev.ainfo.assistant.control;

import dev.ainfo.knowledge.control.QuestionReader;
import dev.ainfo.knowledge.entity.Openness;
import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.PolicyHit;
import dev.ainfo.knowledge.entity.QuestionFacts;
import dev.ainfo.knowledge.entity.QuestionFacts.Aspect;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes an answer from the retrieved records alone, for when no language model is configured. The
 * answer is shaped by what was asked: how to apply, documents, amounts or eligibility come first and
 * in full; otherwise a short overview of each programme. Labels follow the asker's language; the
 * record text itself is Korean.
 */
public final class OfflineComposer {

    /** At most this many records are shown, so the answer stays readable. */
    public static final int SHOWN = 3;
    static final int SHORT = 180;
    static final int FULL = 700;
    /** Below this coverage of the question's topic words, a record fits only in part, and the answer says so. */
    static final double GOOD_FIT = 0.75;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd");

    private OfflineComposer() {
    }

    public static String compose(String question, List<PolicyHit> hits) {
        return compose(question, QuestionReader.basic(question == null ? "" : question), hits);
    }

    /** The answer for whom {@code facts} describe (the question's own facts, or those carried or from a profile). */
    public static String compose(String question, QuestionFacts facts, List<PolicyHit> hits) {
        QuestionFacts own = QuestionReader.basic(question == null ? "" : question);
        Labels l = own.english() ? Labels.EN : Labels.KO;
        if (hits.isEmpty()) {
            return l.nothing;
        }
        StringBuilder answer = new StringBuilder(intro(l, facts)).append('\n');
        if (hits.get(0).coverage() < GOOD_FIT) {
            answer.append('\n').append(l.partial).append('\n');
        }
        int n = 1;
        for (PolicyHit hit : hits.subList(0, Math.min(SHOWN, hits.size()))) {
            Policy p = hit.policy();
            answer.append('\n').append(n++).append(". **").append(p.title()).append("**");
            if (hit.openness().closed()) {
                answer.append(' ').append(l.closedTag);
            }
            if (!blank(p.institution())) {
                answer.append(" — ").append(p.institution());
            }
            answer.append('\n');
            body(answer, l, p, facts);
            String when = when(l, hit.openness());
            if (when != null) {
                answer.append("   - ").append(l.status).append(": ").append(when).append('\n');
            }
            item(answer, l.link, p.url(), FULL);
        }
        answer.append('\n').append(l.closing);
        return answer.toString();
    }

    /** Open now, opening later or closed, in words, with the day it rests on; null when the record says nothing. */
    static String when(Labels l, Openness o) {
        String from = o.from() == null ? "" : o.from().format(DAY);
        String to = o.to() == null ? "" : o.to().format(DAY);
        return switch (o.state()) {
            case OPEN -> switch (o.basis()) {
                case ALWAYS -> l.always;
                case BUSINESS -> to.isEmpty() ? l.running : String.format(l.runningUntil, to);
                default -> to.isEmpty() ? l.open : String.format(l.openUntil, to);
            };
            case UPCOMING -> String.format(o.basis() == Openness.Basis.BUSINESS ? l.startsOn : l.opensOn, from);
            case CLOSED -> String.format(o.basis() == Openness.Basis.BUSINESS ? l.ended : l.closed, to);
            case UNKNOWN -> null;
        };
    }

    private static String intro(Labels l, QuestionFacts facts) {
        Set<Aspect> asked = facts.aspects();
        String what = asked.contains(Aspect.HOW_TO_APPLY) ? l.introApply
                : asked.contains(Aspect.DOCUMENTS) ? l.introDocuments
                : asked.contains(Aspect.AMOUNT) ? l.introAmount
                : asked.contains(Aspect.ELIGIBILITY) ? l.introEligibility : l.introGeneral;
        List<String> profile = new ArrayList<>();
        String where = facts.province() == null ? facts.place()
                : facts.place() == null ? facts.province() : facts.province() + " " + facts.place();
        if (where != null) {
            profile.add(where);
        }
        if (facts.age() != null) {
            profile.add(facts.age() + l.years);
        }
        if (facts.status() != null) {
            profile.add(l.status(facts.status()));
        }
        return profile.isEmpty() ? what : what + " (" + String.join(", ", profile) + " " + l.basis + ")";
    }

    private static void body(StringBuilder answer, Labels l, Policy p, QuestionFacts facts) {
        Set<Aspect> asked = facts.aspects();
        boolean focused = asked.contains(Aspect.HOW_TO_APPLY) || asked.contains(Aspect.DOCUMENTS)
                || asked.contains(Aspect.AMOUNT) || asked.contains(Aspect.ELIGIBILITY);
        item(answer, l.about, p.summary(), SHORT);
        if (asked.contains(Aspect.AMOUNT) || !focused) {
            item(answer, l.support, p.support(), asked.contains(Aspect.AMOUNT) ? FULL : SHORT);
        }
        if (asked.contains(Aspect.ELIGIBILITY) || !focused || facts.age() != null) {
            item(answer, l.who, who(l, p), FULL);
        }
        if (asked.contains(Aspect.ELIGIBILITY)) {
            item(answer, l.conditions, p.eligibility(), FULL);
        }
        if (facts.age() != null && !p.admitsAge(facts.age())) {
            answer.append("   - ⚠ ").append(String.format(l.ageWarning, facts.age(), PolicyPrompt.ages(p))).append('\n');
        }
        if (asked.contains(Aspect.HOW_TO_APPLY)) {
            itemOrMissing(answer, l, l.apply, p.applyMethod());
        }
        if (asked.contains(Aspect.DOCUMENTS)) {
            itemOrMissing(answer, l, l.documents, p.documents());
        }
        if (asked.contains(Aspect.HOW_TO_APPLY) || asked.contains(Aspect.PERIOD) || asked.contains(Aspect.DOCUMENTS)) {
            item(answer, l.period, p.period(), SHORT);
        }
    }

    private static String who(Labels l, Policy p) {
        List<String> who = new ArrayList<>();
        String ages = PolicyPrompt.ages(p);
        if (!ages.isEmpty()) {
            who.add(String.format(l.ageRange, ages));
        }
        who.add(p.nationwide() ? l.nationwide : String.join(", ", p.regions()));
        return String.join(" · ", who);
    }

    private static void itemOrMissing(StringBuilder answer, Labels l, String label, String value) {
        item(answer, label, blank(value) ? l.missing : value, FULL);
    }

    private static void item(StringBuilder answer, String label, String value, int limit) {
        if (blank(value)) {
            return;
        }
        String text = value.strip();
        if (text.length() > limit) {
            text = text.substring(0, limit) + "…";
        }
        if (text.contains("\n")) {
            answer.append("   - ").append(label).append(":\n");
            for (String line : text.split("\n")) {
                answer.append("     ").append(line.strip()).append('\n');
            }
        } else {
            answer.append("   - ").append(label).append(": ").append(text).append('\n');
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The fixed words of an answer, per language. */
    private record Labels(String nothing, String introGeneral, String introApply, String introDocuments,
                          String introAmount, String introEligibility, String years, String about, String support,
                          String who, String conditions, String apply, String documents, String period, String link,
                          String ageRange, String nationwide, String ageWarning, String missing, String closing,
                          String basis, String partial, String status, String closedTag, String always, String open,
                          String openUntil, String running, String runningUntil, String opensOn, String startsOn,
                          String closed, String ended, List<String> statuses) {

        String status(QuestionFacts.Status s) {
            return statuses.get(s.ordinal());
        }

        static final Labels KO = new Labels(
                "가지고 있는 청년 정책 기록으로는 이 질문에 답할 수 없어요. 지역, 나이, 필요한 지원(주거, 일자리, 창업 등)을 "
                        + "알려 주시면 다시 찾아볼게요. 온통청년(https://www.youthcenter.go.kr)이나 주민센터에서도 확인할 수 있어요.",
                "질문과 관련된 청년 정책이에요", "신청 방법을 정리했어요", "제출 서류를 정리했어요",
                "지원 내용과 금액을 정리했어요", "지원 대상과 조건을 정리했어요", "세",
                "내용", "지원", "대상", "자격 조건", "신청 방법", "제출 서류", "신청 기간", "링크",
                "만 %s세", "전국", "만 %d세라고 하셨는데, 이 정책의 나이 조건(만 %s세)에 맞지 않을 수 있어요.",
                "기록에 나와 있지 않아요. 링크에서 확인해 주세요.",
                "자세한 조건과 최신 공고는 각 링크에서 꼭 확인하세요. (출처: 온통청년 정책 정보)",
                "기준", "질문에 꼭 맞는 정책은 찾지 못해, 가장 가까운 정책을 골랐어요. 질문의 일부만 맞을 수 있어요.",
                "신청", "(마감)", "상시 신청", "지금 신청할 수 있어요", "지금 신청할 수 있어요 (%s까지)",
                "사업 진행 중 (신청 기간은 공고 확인)", "사업 진행 중 (%s까지, 신청 기간은 공고 확인)",
                "신청 예정 (%s부터)", "사업 시작 예정 (%s부터)", "마감됐어요 (%s 마감)", "사업 기간이 끝났어요 (%s 종료)",
                List.of("학생", "구직자", "직장인", "자영업자", "기타"));

        static final Labels EN = new Labels(
                "The policy records I have don't cover this question. Tell me your region, age and the kind of help "
                        + "you need (housing, jobs, start-up …) and I'll look again, or check 온통청년 "
                        + "(https://www.youthcenter.go.kr).",
                "Youth policies that match your question (record text is in Korean)",
                "How to apply (record text is in Korean)", "Documents to submit (record text is in Korean)",
                "Support and amounts (record text is in Korean)", "Who can apply (record text is in Korean)", "",
                "About", "Support", "Who", "Conditions", "How to apply", "Documents", "Application period", "Link",
                "age %s", "nationwide", "You said you are %d; this programme's age range is %s.",
                "the record does not say; please check the link.",
                "Check each link for the full conditions and the latest notice. (Source: 온통청년 policy records)",
                "profile", "No programme matches the whole question; these are the closest ones, and they may fit only in part.",
                "Applications", "(closed)", "always open", "open now", "open now (until %s)",
                "programme running (check the notice for the application window)",
                "programme running until %s (check the notice for the application window)",
                "opens on %s", "programme starts on %s", "closed (on %s)", "programme ended (on %s)",
                List.of("student", "job seeker", "employed", "self-employed", "other"));
    }
}
