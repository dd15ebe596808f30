package dev.ainfo.knowledge.control;

import dev.ainfo.knowledge.entity.Policy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cities, counties and districts (시·군·구) learnt from the corpus itself: a record of one province
 * that names "진주시" in its title or institution teaches that 진주 lies in 경남. Names found in
 * several provinces (중구, 동구, 경기 광주시) are kept without a province. A question may also name, in
 * full, any 시·군·구 of the administrative list ({@link Districts}) that no record names ("마포구",
 * "제주시"); their short names (성남, 경산) only where the question says them as a place ("성남 사는", "경북
 * 경산"), being ordinary words as often otherwise (수영, 예산, 고양이).
 */
public final class Places {

    private static final Pattern PLACE = Pattern.compile("([가-힣]{1,4}?)(시|군|구)(?![가-힣])");
    private static final Pattern NOT_HANGUL = Pattern.compile("[^가-힣]+");
    private static final Pattern HANGUL_WORD = Pattern.compile("[가-힣]+");
    private static final Set<String> NOT_PLACES = Set.of("청년", "지원", "사업", "운영", "도시", "본부", "학", "연",
            "지역", "전", "각", "해당", "거주", "관내", "우리", "전국", "주민", "시", "군", "구", "특별", "광역", "자치");
    /** Every listed 시·군·구 by its full name, with its provinces. */
    private static final Map<String, Set<String>> LISTED = listed();
    /** Every listed 시·군·구 by its short name of two syllables or more (성남, 경산, 달서), with its provinces. */
    private static final Map<String, Set<String>> SHORT = shortNames();
    /**
     * What follows a place said as where the asker lives or comes from: "성남 사는", "경산에 살고", "안양
     * 거주", "목포 출신". Not "의령에 한 달 살아보기": trying a place is not living there.
     */
    private static final Pattern LIVES_THERE = Pattern.compile(
            "(?:에서|에)?\\s*(?:사는|살고|살아(?!보)|살며|삽니다|거주|출신|토박이)");
    /** The word just before a short name, when it may be the name's province ("경기 성남"). */
    private static final Pattern PROVINCE_BEFORE = Pattern.compile("([가-힣]{2,7})\\s+$");

    private final Map<String, Set<String>> provincesByPlace = new HashMap<>();
    private final Map<String, List<String>> origins = new java.util.concurrent.ConcurrentHashMap<>();

    public Places(List<Policy> policies) {
        for (Policy policy : policies) {
            if (policy.regions().size() != 1) {
                continue;
            }
            String province = policy.regions().get(0);
            learn(policy.institution(), province);
            learn(policy.title(), province);
        }
    }

    private void learn(String text, String province) {
        Matcher m = PLACE.matcher(text == null ? "" : text);
        while (m.find()) {
            String stem = m.group(1);
            // Only real 시·군·구 names: titles also hold words that end like one (국제기구, 혁신도시, 1인가구).
            if (NOT_PLACES.contains(stem) || Provinces.named(stem).isPresent()
                    || Districts.provincesOf(stem + m.group(2)).isEmpty()) {
                continue;
            }
            provincesByPlace.computeIfAbsent(stem + m.group(2), k -> new HashSet<>()).add(province);
            if (stem.length() >= 2) {
                provincesByPlace.computeIfAbsent(stem, k -> new HashSet<>()).add(province);
            }
        }
    }

    private static Map<String, Set<String>> listed() {
        Map<String, Set<String>> listed = new HashMap<>();
        for (Districts.District d : Districts.ALL) {
            listed.computeIfAbsent(d.name(), k -> new HashSet<>()).add(d.province());
        }
        return listed;
    }

    private static Map<String, Set<String>> shortNames() {
        Map<String, Set<String>> names = new HashMap<>();
        for (Districts.District d : Districts.ALL) {
            String stem = d.name().substring(0, d.name().length() - 1);
            // A province's own name (광주, 제주) is read as the province.
            if (stem.length() >= 2 && Provinces.named(stem).isEmpty()) {
                names.computeIfAbsent(stem, k -> new HashSet<>()).add(d.province());
            }
        }
        return names;
    }

    /**
     * Whether a short name at {@code start..end} of the question is said as a place: where the asker lives
     * ({@link #LIVES_THERE}), or after its own province ("경기 성남", "경북 경산"). Alone it is as often an
     * ordinary word (예산, 수영, 고양이).
     */
    private static boolean saidAsPlace(String question, int start, int end, Set<String> provinces) {
        if (LIVES_THERE.matcher(question).region(end, question.length()).lookingAt()) {
            return true;
        }
        Matcher before = PROVINCE_BEFORE.matcher(question.substring(0, start));
        return before.find() && Provinces.named(before.group(1)).filter(p -> provinces.contains(p.name())).isPresent();
    }

    /**
     * The place a question names, with its province when that is unambiguous: the longest name the records
     * use, else the longest listed 시·군·구.
     */
    public Optional<Place> find(String question) {
        Named best = null;
        for (Named place : named(question)) {
            if (best == null || place.learnt() && !best.learnt()
                    || place.learnt() == best.learnt() && place.name().length() > best.name().length()) {
                best = place;
            }
        }
        return Optional.ofNullable(best == null ? null : new Place(best.name(), best.province()));
    }

    /** Every place a question names, one per word at most: a name the records use, or a listed 시·군·구 in full. */
    List<Named> named(String question) {
        List<Named> found = new java.util.ArrayList<>();
        Matcher word = HANGUL_WORD.matcher(question == null ? "" : question);
        while (word.find()) {
            for (int end = word.end(); end >= word.start() + 2; end--) {
                String candidate = question.substring(word.start(), end);
                Set<String> provinces = provincesByPlace.get(candidate);
                boolean learnt = provinces != null;
                if (!learnt) {
                    provinces = LISTED.get(candidate);
                }
                if (provinces == null && SHORT.containsKey(candidate)
                        && saidAsPlace(question, word.start(), end, SHORT.get(candidate))) {
                    provinces = SHORT.get(candidate);
                }
                if (provinces != null) {
                    found.add(new Named(candidate, provinces.size() == 1 ? provinces.iterator().next() : null, learnt));
                    break;
                }
            }
        }
        return found;
    }

    /** A place found in a question, and whether a record names it. */
    record Named(String name, String province, boolean learnt) {
    }

    /** Every known place named in a text (a record's title and institution). */
    public Set<String> namesIn(String text) {
        Set<String> names = new HashSet<>();
        Matcher m = PLACE.matcher(text == null ? "" : text);
        while (m.find()) {
            String stem = m.group(1);
            if (provincesByPlace.containsKey(stem + m.group(2))) {
                names.add(stem + m.group(2));
                if (stem.length() >= 2) {
                    names.add(stem);
                }
            }
        }
        for (String word : NOT_HANGUL.split(text == null ? "" : text)) {
            if (word.length() >= 2 && provincesByPlace.containsKey(word)) {
                names.add(word);
            }
        }
        return names;
    }

    /**
     * The provinces a record serves: its own, or for one listed nationwide, the province of the body that
     * runs it ({@link Locality#origin}), read once per record.
     */
    List<String> servedRegions(Policy policy) {
        if (!policy.regions().isEmpty()) {
            return policy.regions();
        }
        return origins.computeIfAbsent(policy.id(),
                id -> Locality.origin(policy, this).map(o -> List.of(o.province())).orElse(List.of()));
    }

    public int size() {
        return provincesByPlace.size();
    }

    public record Place(String name, String province) {
    }
}
