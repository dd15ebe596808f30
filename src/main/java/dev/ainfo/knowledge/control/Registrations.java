package dev.ainfo.knowledge.control;

import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.PolicyHit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The same programme registered again in a later year ("청년월세 지원사업" in 2025, "(국토부) 26년 청년월세
 * 지원사업" in 2026) is one programme: of the registrations found, the newest one not after today
 * stands for it, at the place of the best-ranked one. A programme its body renamed by adding words ("부산
 * 학자금 대출이자 지원" → "부산 대학생 학자금 대출이자 지원", both 부산광역시's) is one programme too.
 */
final class Registrations {

    private static final Pattern BRACKETS = Pattern.compile("\\([^)]*\\)|\\[[^]]*]|「|」");
    private static final Pattern YEARS = Pattern.compile("(?:20)?\\d{2}\\s*년도?|20\\d{2}|제\\s*\\d+\\s*기|\\d+\\s*차");
    private static final Pattern NOT_WORD = Pattern.compile("[^가-힣A-Za-z0-9]");
    private static final Pattern WORD_BREAK = Pattern.compile("[^가-힣A-Za-z0-9]+");

    /** A registration's programme key, and its title's words for telling a renamed programme. */
    private record Key(String programme, Set<String> words) {
        static Key of(Policy p, List<String> regions) {
            return new Key(Registrations.programme(p, regions), Registrations.words(p));
        }
    }

    private Registrations() {
    }

    /** What stays of a title without its years and bracketed remarks, with the regions it serves. */
    static String programme(Policy p) {
        return programme(p, p.regions());
    }

    /** As {@link #programme(Policy)}, with the regions the programme serves given. */
    static String programme(Policy p, List<String> regions) {
        String title = NOT_WORD.matcher(bare(p)).replaceAll("").toLowerCase();
        return (title.isEmpty() ? p.id() : title) + "|" + String.join(",", regions);
    }

    private static String bare(Policy p) {
        return YEARS.matcher(BRACKETS.matcher(p.title()).replaceAll(" ")).replaceAll(" ");
    }

    /** The words of a title without its years and bracketed remarks. */
    static Set<String> words(Policy p) {
        Set<String> words = new HashSet<>();
        for (String word : WORD_BREAK.split(bare(p).toLowerCase())) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /**
     * Whether two records register one programme: the same programme title and regions, and the same
     * 시·군·구 where both name theirs (two cities' "청년 월세 지원" differ). The 2026 export names none, so a
     * registration without districts matches one with them.
     */
    static boolean same(Policy a, Policy b) {
        return same(a, Key.of(a, a.regions()), b, Key.of(b, b.regions()));
    }

    private static boolean same(Policy a, Key keyA, Policy b, Key keyB) {
        return (keyA.programme().equals(keyB.programme()) || renamed(a, keyA, b, keyB))
                && (a.districts().isEmpty() || b.districts().isEmpty() || a.districts().equals(b.districts()));
    }

    /**
     * One body's programme under a longer name: the same regions, one institution naming the other or a
     * part of it (부산광역시, 부산광역시 청년산학국), and every word of one title (two or more) in the other.
     */
    private static boolean renamed(Policy a, Key keyA, Policy b, Key keyB) {
        String regionsA = keyA.programme().substring(keyA.programme().lastIndexOf('|'));
        String regionsB = keyB.programme().substring(keyB.programme().lastIndexOf('|'));
        if (!regionsA.equals(regionsB) || a.institution() == null || b.institution() == null
                || a.institution().isBlank() || b.institution().isBlank()
                || !(a.institution().startsWith(b.institution()) || b.institution().startsWith(a.institution()))) {
            return false;
        }
        Set<String> shorter = keyA.words().size() <= keyB.words().size() ? keyA.words() : keyB.words();
        Set<String> longer = shorter == keyA.words() ? keyB.words() : keyA.words();
        return shorter.size() >= 2 && longer.containsAll(shorter);
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
        List<Key> keptProgrammes = new ArrayList<>();
        for (PolicyHit hit : hits) {
            Key programme = Key.of(hit.policy(), regions.apply(hit.policy()));
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
