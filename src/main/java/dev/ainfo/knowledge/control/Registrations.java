package dev.ainfo.knowledge.control;

import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.PolicyHit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The same programme registered again in a later year ("청년월세 지원사업" in 2025, "(국토부) 26년 청년월세
 * 지원사업" in 2026) is one programme: of the registrations found, the newest one not after today
 * stands for it, at the place of the best-ranked one.
 */
final class Registrations {

    private static final Pattern BRACKETS = Pattern.compile("\\([^)]*\\)|\\[[^]]*]|「|」");
    private static final Pattern YEARS = Pattern.compile("(?:20)?\\d{2}\\s*년도?|20\\d{2}|제\\s*\\d+\\s*기|\\d+\\s*차");
    private static final Pattern NOT_WORD = Pattern.compile("[^가-힣A-Za-z0-9]");

    private Registrations() {
    }

    /** What stays of a title without its years and bracketed remarks, with the regions it serves. */
    static String programme(Policy p) {
        return programme(p, p.regions());
    }

    /** As {@link #programme(Policy)}, with the regions the programme serves given. */
    static String programme(Policy p, List<String> regions) {
        String title = BRACKETS.matcher(p.title()).replaceAll(" ");
        title = YEARS.matcher(title).replaceAll(" ");
        title = NOT_WORD.matcher(title).replaceAll("").toLowerCase();
        return (title.isEmpty() ? p.id() : title) + "|" + String.join(",", regions);
    }

    /**
     * Whether two records register one programme: the same programme title and regions, and the same
     * 시·군·구 where both name theirs (two cities' "청년 월세 지원" differ). The 2026 export names none, so a
     * registration without districts matches one with them.
     */
    static boolean same(Policy a, Policy b) {
        return same(a, programme(a), b, programme(b));
    }

    private static boolean same(Policy a, String programmeA, Policy b, String programmeB) {
        return programmeA.equals(programmeB)
                && (a.districts().isEmpty() || b.districts().isEmpty() || a.districts().equals(b.districts()));
    }

    /** The hits in their order, one per programme; {@code today} is yyyyMMdd. */
    static List<PolicyHit> current(List<PolicyHit> hits, String today) {
        return current(hits, today, Policy::regions);
    }

    /**
     * As {@link #current(List, String)}, with the regions each programme serves: a registration the portal
     * lists nationwide but a province's body runs is that province's (도민리포터 of 충청남도, 2025 and 2026).
     */
    static List<PolicyHit> current(List<PolicyHit> hits, String today, Function<Policy, List<String>> regions) {
        List<PolicyHit> kept = new ArrayList<>();
        List<String> keptProgrammes = new ArrayList<>();
        for (PolicyHit hit : hits) {
            String programme = programme(hit.policy(), regions.apply(hit.policy()));
            int at = -1;
            for (int i = 0; i < kept.size() && at < 0; i++) {
                if (same(kept.get(i).policy(), keptProgrammes.get(i), hit.policy(), programme)) {
                    at = i;
                }
            }
            if (at < 0) {
                kept.add(hit);
                keptProgrammes.add(programme);
            } else if (newer(hit, kept.get(at), today)) {
                // Same programme: the match found for the best-ranked registration is the programme's.
                PolicyHit best = kept.get(at);
                kept.set(at, new PolicyHit(hit.policy(), Math.max(best.score(), hit.score()),
                        Math.max(best.coverage(), hit.coverage()), hit.snippet(), hit.openness()));
            }
        }
        return kept;
    }

    private static boolean newer(PolicyHit candidate, PolicyHit held, String today) {
        String a = candidate.policy().registered();
        String b = held.policy().registered();
        boolean aFuture = a.compareTo(today) > 0;
        boolean bFuture = b.compareTo(today) > 0;
        if (aFuture != bFuture) {
            return bFuture;
        }
        return a.compareTo(b) > 0;
    }
}
