package dev.ainfo.knowledge.control;

import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.QuestionFacts;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which 시·군·구 a programme is for, and which one the asker lives in. A record of 평택시 does not help
 * someone in 수원, even though both are 경기: the records' district codes say so, and where a record
 * has none, the place its title or institution names does.
 */
final class Locality {

    /** The index token of a record open to its whole province (or the whole country). */
    static final String ANYWHERE = "*";

    private Locality() {
    }

    /**
     * The tokens a record is indexed with: its districts' city-level codes, "all:&lt;province&gt;" for each
     * province it covers whole, or {@link #ANYWHERE} when nothing narrows it.
     */
    static Set<String> tokens(Policy policy, Places places) {
        if (policy.nationwide()) {
            return origin(policy, places).map(o -> o.district() == null ? Set.of(ANYWHERE) : Set.of(o.district()))
                    .orElse(Set.of(ANYWHERE));
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : policy.districts()) {
            Districts.ofCode(code).map(Districts.District::code).ifPresent(codes::add);
        }
        if (codes.isEmpty()) {
            for (String name : places.namesIn(policy.title() + " " + policy.institution())) {
                for (String province : policy.regions()) {
                    district(province, name).ifPresent(codes::add);
                }
            }
        }
        if (codes.isEmpty()) {
            return Set.of(ANYWHERE);
        }
        Set<String> tokens = new LinkedHashSet<>(codes);
        for (Map.Entry<String, Set<String>> province : CODED.entrySet()) {
            if (codes.containsAll(province.getValue())) {
                tokens.add("all:" + province.getKey());
            }
        }
        return tokens;
    }

    /** Where a local body's programme comes from: its province, and its district when one is named. */
    record Origin(String province, String district) {
    }

    /**
     * The local body behind a record the portal lists for the whole country ("2025년 화성시 청년활동포인트제",
     * "경남에서 한 달 여행하기"): such programmes serve their own residents first, so they count as that
     * place's. Empty for central government's programmes.
     */
    static Optional<Origin> origin(Policy policy, Places places) {
        if (!policy.nationwide()) {
            return Optional.empty();
        }
        String text = policy.title() + " " + policy.institution();
        for (String name : places.namesIn(text)) {
            Optional<Places.Place> place = places.find(name).filter(p -> p.province() != null);
            if (place.isPresent()) {
                String province = place.get().province();
                return Optional.of(new Origin(province, district(province, name).orElse(null)));
            }
        }
        return Provinces.leading(policy.institution()).or(() -> namedProvince(policy.title()))
                .map(p -> new Origin(p.name(), null));
    }

    /** A province a title names in full or by its short name ("경남에서", "전북특별자치도장학숙"). */
    private static Optional<Provinces.Province> namedProvince(String title) {
        return Provinces.ALL.stream().filter(p -> p.aliases().stream()
                .anyMatch(a -> a.length() >= 2 && a.chars().allMatch(c -> c >= 0xAC00) && title.contains(a))).findFirst();
    }

    /** The code of the asker's 시·군·구, when the question (or the conversation) names one the list knows. */
    static Optional<String> asker(QuestionFacts facts) {
        if (facts.place() == null) {
            return Optional.empty();
        }
        if (facts.province() != null) {
            return district(facts.province(), facts.place());
        }
        List<String> found = Districts.ALL.stream().filter(d -> d.code() != null && named(d, facts.place()))
                .map(Districts.District::code).distinct().toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static Optional<String> district(String province, String name) {
        return Districts.in(province).stream().filter(d -> d.code() != null && named(d, name))
                .map(Districts.District::code).findFirst();
    }

    /** "평택", "평택시" and "마포구" name 평택시 and 마포구; "중" names nothing. */
    private static boolean named(Districts.District d, String name) {
        return d.name().equals(name) || (name.length() >= 2 && d.name().length() == name.length() + 1 && d.name().startsWith(name));
    }

    /** Each province's districts that the records use codes for. */
    private static final Map<String, Set<String>> CODED = coded();

    private static Map<String, Set<String>> coded() {
        Map<String, Set<String>> byProvince = new HashMap<>();
        Districts.ALL.stream().filter(d -> d.code() != null).collect(Collectors.groupingBy(Districts.District::province))
                .forEach((p, ds) -> byProvince.put(p, ds.stream().map(Districts.District::code).collect(Collectors.toSet())));
        return byProvince;
    }
}
