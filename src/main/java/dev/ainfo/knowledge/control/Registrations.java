package dev.ainfo.knowledge.control;

import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.PolicyHit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
    /**
     * Years, rounds and cohorts ("2026년", "2차", "제3기", "15기", "제23회"), and "한시 (특별)": a programme run
     * for a limited time is the same programme when it is run again for good ("청년월세 한시 특별지원" →
     * "청년월세 지원사업").
     */
    private static final Pattern YEARS = Pattern.compile("(?:20)?\\d{2}\\s*년도?|20\\d{2}|제\\s*\\d+\\s*[기회]|\\d+\\s*차"
            + "|(?<!\\d)\\d+\\s*기(?![가-힣])|한시(?:\\s*특별)?(?!적)");
    private static final Pattern NOT_WORD = Pattern.compile("[^가-힣A-Za-z0-9]");
    private static final Pattern WORD_BREAK = Pattern.compile("[^가-힣A-Za-z0-9]+");
    /** Words a title may end in or not, for the same programme ("청년 이사비 지원" → "청년 이사비 지원사업"). */
    private static final Pattern GENERIC_END = Pattern.compile("(?:사업|운영|지원|추진|모집)$");
    private static final Pattern LEADING_PLACE = Pattern.compile("^[가-힣]{1,4}?[시군구]");
    /** A bracketed remark long enough to be a name: a renamed programme may keep its former one there. */
    private static final Pattern REMARK = Pattern.compile("\\(([^)]{6,})\\)|\\[([^]]{6,})]");

    /**
     * What one registration is, for telling whether two register one programme: its title without years,
     * rounds, bracketed remarks, spacing and punctuation; that title without generic last words ({@code
     * loose}), and then without the name of its own province or 시·군·구 in front ("서산시 임신축하금" is
     * 서산시's "임신축하금"); the same of its bracketed remarks ({@code formerly}); the regions it serves; its
     * institution; and its title's words, for telling a renamed programme.
     */
    private record Key(Policy policy, String year, String title, String loose, String unplaced, List<String> formerly,
                       String regions, String institution, Set<String> words) {
    }

    /** The other registrations of each record's programme, by id; records registered once are absent. */
    private final Map<String, List<Policy>> others = new HashMap<>();

    private Registrations() {
    }

    /**
     * The programmes of a corpus, worked out once with its index. Only records that serve the same regions
     * (for one listed nationwide, the province whose body runs it: {@link Places#servedRegions}) and share
     * a cue are compared: a title, a loose title, the first or last four letters of an unplaced one (one or
     * two letters apart leave one end whole), or a title word (every word of a shorter title is in a renamed
     * longer one, so its rarest word finds it). So the build stays linear in the corpus, not quadratic.
     */
    static Registrations of(List<Policy> corpus, Places places) {
        Registrations registrations = new Registrations();
        List<Key> keys = corpus.stream().map(p -> key(p, places)).toList();
        Map<String, List<Integer>> byCue = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            for (String cue : cues(keys.get(i))) {
                byCue.computeIfAbsent(cue, c -> new ArrayList<>()).add(i);
            }
        }
        // Where a record is narrowed to (its 시·군·구), worked out only for records whose titles match another's.
        Map<String, Set<String>> localities = new HashMap<>();
        Function<Policy, Set<String>> locality = p -> localities.computeIfAbsent(p.id(), id -> Locality.tokens(p, places));
        Set<Long> compared = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            Key a = keys.get(i);
            List<List<Integer>> found = new ArrayList<>();
            cues(a).stream().filter(cue -> !cue.contains("|w")).forEach(cue -> found.add(byCue.getOrDefault(cue, List.of())));
            a.formerly().forEach(name -> found.add(byCue.getOrDefault(a.regions() + "|u" + name, List.of())));
            a.words().stream().map(w -> byCue.getOrDefault(a.regions() + "|w" + w, List.of()))
                    .min(Comparator.comparingInt(List::size)).ifPresent(found::add);
            for (List<Integer> candidates : found) {
                for (int j : candidates) {
                    Key b = keys.get(j);
                    if (j != i && compared.add(Math.min(i, j) * (long) keys.size() + Math.max(i, j)) && same(a, b, locality)) {
                        registrations.others.computeIfAbsent(a.policy().id(), id -> new ArrayList<>()).add(b.policy());
                        registrations.others.computeIfAbsent(b.policy().id(), id -> new ArrayList<>()).add(a.policy());
                    }
                }
            }
        }
        return registrations;
    }

    private static List<String> cues(Key k) {
        List<String> cues = new ArrayList<>(List.of(k.regions() + "|t" + k.title(), k.regions() + "|l" + k.loose(),
                k.regions() + "|<" + head(k.unplaced()), k.regions() + "|>" + tail(k.unplaced()), k.regions() + "|u" + k.unplaced()));
        k.words().forEach(w -> cues.add(k.regions() + "|w" + w));
        return cues;
    }

    private static String head(String title) {
        return title.substring(0, Math.min(4, title.length()));
    }

    private static String tail(String title) {
        return title.substring(Math.max(0, title.length() - 4));
    }

    private static Key key(Policy p, Places places) {
        String bare = YEARS.matcher(BRACKETS.matcher(p.title()).replaceAll(" ")).replaceAll(" ").toLowerCase();
        String title = NOT_WORD.matcher(bare).replaceAll("");
        String loose = withoutGenericEnds(title);
        List<String> regions = places.servedRegions(p);
        List<String> formerly = new ArrayList<>();
        Matcher remark = REMARK.matcher(p.title());
        while (remark.find()) {
            String name = remark.group(1) == null ? remark.group(2) : remark.group(1);
            formerly.add(unplaced(withoutGenericEnds(NOT_WORD.matcher(YEARS.matcher(name).replaceAll(" ")).replaceAll("")
                    .toLowerCase()), regions));
        }
        Set<String> words = Arrays.stream(WORD_BREAK.split(bare)).filter(w -> !w.isEmpty()).collect(Collectors.toSet());
        String institution = p.institution() == null ? "" : p.institution().strip();
        return new Key(p, year(p), title.isEmpty() ? p.id() : title, loose, unplaced(loose, regions), formerly,
                String.join(",", regions), institution, words);
    }

    private static String withoutGenericEnds(String title) {
        String t = title;
        for (Matcher end = GENERIC_END.matcher(t); end.find() && end.start() >= 4; end = GENERIC_END.matcher(t)) {
            t = t.substring(0, end.start());
        }
        return t;
    }

    /** A title without its own province's name and then a listed 시·군·구's in front, when four letters or more remain. */
    private static String unplaced(String title, List<String> regions) {
        String t = title;
        for (String region : regions) {
            for (String alias : Provinces.named(region).map(Provinces.Province::aliases).orElse(List.of())) {
                if (t.startsWith(alias) && t.length() - alias.length() >= 4) {
                    t = t.substring(alias.length());
                    break;
                }
            }
        }
        Matcher place = LEADING_PLACE.matcher(t);
        if (place.find() && t.length() - place.end() >= 4 && !Districts.provincesOf(place.group()).isEmpty()) {
            t = t.substring(place.end());
        }
        return t;
    }

    /**
     * Whether two records of the same regions register one programme: the same title (or a renamed one)
     * for the same 시·군·구. Wording drifts when a programme is registered again in a later year, so records of
     * different years also match on looser titles: without generic last words ("청년 이사비 지원" →
     * "청년 이사비 지원사업"), for the same 시·군·구; and, for one body, without the place in front, or one or
     * two letters in a row apart ("청년 국가기술자격시험 응시료" → "청년 국가기술자격 응시료", both
     * 고용노동부's), or one keeping the other's title in brackets ("부산 청년 자산형성 지원(부산청년 기쁨두배통장)").
     * In one year, such near-twins are as often two programmes (two districts', two rounds').
     */
    private static boolean same(Key a, Key b, Function<Policy, Set<String>> locality) {
        if (a.title().equals(b.title()) || renamed(a, b)) {
            return sameLocality(locality.apply(a.policy()), locality.apply(b.policy()));
        }
        if (a.year().equals(b.year())) {
            return false;
        }
        if (a.loose().equals(b.loose())) {
            return sameLocality(locality.apply(a.policy()), locality.apply(b.policy()));
        }
        return (a.unplaced().equals(b.unplaced()) || fewLettersApart(a.unplaced(), b.unplaced())
                || a.formerly().contains(b.unplaced()) || b.formerly().contains(a.unplaced()))
                && sameBody(a, b, locality.apply(a.policy()), locality.apply(b.policy()));
    }

    /**
     * Two records with the same programme title and regions register one programme when they are for the
     * same 시·군·구 ({@link Locality}: the district codes, else the place the title or institution names), or
     * either is narrowed to none: two cities' "청년 월세 지원" differ, and the 2026 export names no district codes.
     */
    private static boolean sameLocality(Set<String> a, Set<String> b) {
        return a.contains(Locality.ANYWHERE) || b.contains(Locality.ANYWHERE) || a.equals(b);
    }

    /**
     * One body, for titles that match only loosely: both for the same 시·군·구, named; or both for the whole
     * region, with institutions that name one another (a city-wide programme and a district's stay apart).
     */
    private static boolean sameBody(Key a, Key b, Set<String> placesA, Set<String> placesB) {
        boolean wholeA = whole(placesA);
        boolean wholeB = whole(placesB);
        return wholeA || wholeB ? wholeA && wholeB && related(a.institution(), b.institution()) : placesA.equals(placesB);
    }

    private static boolean whole(Set<String> places) {
        return places.stream().anyMatch(t -> t.equals(Locality.ANYWHERE) || t.startsWith("all:"));
    }

    /** The shorter (eight letters or more) is the longer without one or two letters in a row. */
    static boolean fewLettersApart(String a, String b) {
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        int cut = longer.length() - shorter.length();
        if (shorter.length() < 8 || cut < 1 || cut > 2) {
            return false;
        }
        int same = 0;
        while (same < shorter.length() && shorter.charAt(same) == longer.charAt(same)) {
            same++;
        }
        return shorter.substring(same).equals(longer.substring(same + cut));
    }

    private static boolean related(String institutionA, String institutionB) {
        return !institutionA.isEmpty() && !institutionB.isEmpty()
                && (institutionA.startsWith(institutionB) || institutionB.startsWith(institutionA));
    }

    /**
     * One body's programme under a longer name: one institution naming the other or a part of it
     * (부산광역시, 부산광역시 청년산학국), and every word of one title (two or more) in the other.
     */
    private static boolean renamed(Key a, Key b) {
        if (!related(a.institution(), b.institution())) {
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
        return newest == null || year(newest).equals(year(p)) ? p : newest;
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
        return aFuture != bFuture ? bFuture : a.compareTo(b) > 0;
    }
}
