package dev.ainfo.knowledge.control;

import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.PolicyHit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The same programme registered again in a later year ("청년월세 지원사업" in 2025, "(국토부) 26년 청년월세
 * 지원사업" in 2026) is one programme, and its current registration stands for it: the newest one not
 * after today (the rounds of one year are all current), at the place of the best-ranked one found. The
 * registrations of every programme are known across the whole corpus, so a current registration that
 * the search did not find (its wording changed) still replaces an older one it found. A programme its
 * body renamed by adding words ("부산 학자금 대출이자 지원" → "부산 대학생 학자금 대출이자 지원", both
 * 부산광역시's) is one programme too.
 */
final class Registrations {

    private static final Pattern BRACKETS = Pattern.compile("\\([^)]*\\)|\\[[^]]*]|「|」");
    private static final Pattern YEARS = Pattern.compile("(?:20)?\\d{2}\\s*년도?|20\\d{2}|제\\s*\\d+\\s*기|\\d+\\s*차");
    private static final Pattern NOT_WORD = Pattern.compile("[^가-힣A-Za-z0-9]");
    private static final Pattern WORD_BREAK = Pattern.compile("[^가-힣A-Za-z0-9]+");

    /**
     * What one registration is, for telling whether two register one programme: its title without years,
     * rounds and bracketed remarks; the regions it serves; its institution; and its title's words, for
     * telling a renamed programme.
     */
    private record Key(Policy policy, String title, String regions, String institution, Set<String> words) {
    }

    /** The other registrations of each record's programme, by id; records registered once are absent. */
    private final Map<String, List<Policy>> others = new HashMap<>();

    private Registrations() {
    }

    /**
     * The programmes of a corpus, worked out once with its index. Records are compared only within the
     * regions they serve (for one listed nationwide, the province whose body runs it: {@link
     * Places#servedRegions}), so the pairwise check for renamed programmes stays cheap.
     */
    static Registrations of(List<Policy> corpus, Places places) {
        Registrations registrations = new Registrations();
        Map<String, List<Key>> byRegions = new HashMap<>();
        for (Policy p : corpus) {
            Key key = key(p, places);
            byRegions.computeIfAbsent(key.regions(), r -> new ArrayList<>()).add(key);
        }
        // Where a record is narrowed to (its 시·군·구), worked out only for records whose titles match another's.
        Map<String, Set<String>> localities = new HashMap<>();
        Function<Policy, Set<String>> locality = p -> localities.computeIfAbsent(p.id(), id -> Locality.tokens(p, places));
        for (List<Key> served : byRegions.values()) {
            for (int i = 0; i < served.size(); i++) {
                for (int j = i + 1; j < served.size(); j++) {
                    Key a = served.get(i);
                    Key b = served.get(j);
                    if ((a.title().equals(b.title()) || renamed(a, b))
                            && sameLocality(locality.apply(a.policy()), locality.apply(b.policy()))) {
                        registrations.others.computeIfAbsent(a.policy().id(), id -> new ArrayList<>()).add(b.policy());
                        registrations.others.computeIfAbsent(b.policy().id(), id -> new ArrayList<>()).add(a.policy());
                    }
                }
            }
        }
        return registrations;
    }

    private static Key key(Policy p, Places places) {
        String bare = YEARS.matcher(BRACKETS.matcher(p.title()).replaceAll(" ")).replaceAll(" ").toLowerCase();
        String title = NOT_WORD.matcher(bare).replaceAll("");
        Set<String> words = new HashSet<>();
        for (String word : WORD_BREAK.split(bare)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        String institution = p.institution() == null ? "" : p.institution().strip();
        return new Key(p, title.isEmpty() ? p.id() : title, String.join(",", places.servedRegions(p)), institution, words);
    }

    /**
     * Two records with the same programme title (or a renamed one) and regions register one programme
     * when they are for the same 시·군·구 ({@link Locality}: the district codes, else the place the title or
     * institution names), or either is narrowed to none: two cities' "청년 월세 지원" differ, and the 2026
     * export names no district codes.
     */
    private static boolean sameLocality(Set<String> a, Set<String> b) {
        return a.contains(Locality.ANYWHERE) || b.contains(Locality.ANYWHERE) || a.equals(b);
    }

    /**
     * One body's programme under a longer name: one institution naming the other or a part of it
     * (부산광역시, 부산광역시 청년산학국), and every word of one title (two or more) in the other.
     */
    private static boolean renamed(Key a, Key b) {
        if (a.institution().isEmpty() || b.institution().isEmpty()
                || !(a.institution().startsWith(b.institution()) || b.institution().startsWith(a.institution()))) {
            return false;
        }
        Set<String> shorter = a.words().size() <= b.words().size() ? a.words() : b.words();
        Set<String> longer = shorter == a.words() ? b.words() : a.words();
        return shorter.size() >= 2 && longer.containsAll(shorter);
    }

    /** Whether two records of the corpus register one programme. */
    boolean same(Policy a, Policy b) {
        return a.id().equals(b.id()) || others.getOrDefault(a.id(), List.of()).stream().anyMatch(o -> o.id().equals(b.id()));
    }

    /** The other registrations of a record's programme (none for a programme registered once). */
    List<Policy> others(Policy p) {
        return others.getOrDefault(p.id(), List.of());
    }

    /**
     * The registration that stands for a record's programme on {@code today} (yyyyMMdd): the record itself
     * when it is of the newest registration year not after today (the rounds of one year are all
     * current), else the newest registration not after today.
     */
    Policy current(Policy p, String today) {
        Policy newest = p.registered().compareTo(today) > 0 ? null : p;
        for (Policy other : others(p)) {
            if (other.registered().compareTo(today) <= 0
                    && (newest == null || other.registered().compareTo(newest.registered()) > 0)) {
                newest = other;
            }
        }
        if (newest == null || newest == p || year(newest).equals(year(p))) {
            return p;
        }
        return newest;
    }

    private static String year(Policy p) {
        return p.registered().length() >= 4 ? p.registered().substring(0, 4) : "";
    }

    /**
     * The hits in their order, one per programme, each the programme's current registration; {@code today}
     * is yyyyMMdd. A current registration found lower down, or not found at all, takes the place (and the
     * score and coverage) of the best-ranked registration found: the match is the programme's.
     */
    List<PolicyHit> current(List<PolicyHit> hits, String today) {
        List<PolicyHit> kept = new ArrayList<>();
        for (PolicyHit hit : hits) {
            Policy now = current(hit.policy(), today);
            PolicyHit found = now == hit.policy() ? hit : new PolicyHit(now, hit.score(), hit.coverage(), null, hit.openness());
            int at = -1;
            for (int i = 0; i < kept.size() && at < 0; i++) {
                if (same(kept.get(i).policy(), found.policy())) {
                    at = i;
                }
            }
            if (at < 0) {
                kept.add(found);
            } else if (newer(found, kept.get(at), today)) {
                PolicyHit best = kept.get(at);
                kept.set(at, new PolicyHit(found.policy(), Math.max(best.score(), found.score()),
                        Math.max(best.coverage(), found.coverage()), found.snippet(), found.openness()));
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
