package dev.ainfo.knowledge.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 17 provinces and metropolitan cities: the short name the corpus uses, the first two digits
 * of their 시군구 codes, and the names people type (Korean, formal and short, and romanised).
 */
public final class Provinces {

    public record Province(String name, List<String> codePrefixes, List<String> aliases) {
    }

    public static final List<Province> ALL = List.of(
            p("서울", List.of("11"), "서울특별시", "서울시", "서울", "seoul"),
            p("부산", List.of("26"), "부산광역시", "부산시", "부산", "busan", "pusan"),
            p("대구", List.of("27"), "대구광역시", "대구시", "대구", "daegu"),
            p("인천", List.of("28"), "인천광역시", "인천시", "인천", "incheon"),
            p("광주", List.of("29"), "광주광역시", "광주", "gwangju"),
            p("대전", List.of("30"), "대전광역시", "대전시", "대전", "daejeon"),
            p("울산", List.of("31"), "울산광역시", "울산시", "울산", "ulsan"),
            p("세종", List.of("36"), "세종특별자치시", "세종시", "세종", "sejong"),
            p("경기", List.of("41"), "경기도", "경기", "gyeonggi"),
            p("강원", List.of("51", "42"), "강원특별자치도", "강원도", "강원", "gangwon"),
            p("충북", List.of("43"), "충청북도", "충북", "chungbuk", "north chungcheong", "chungcheongbuk"),
            p("충남", List.of("44"), "충청남도", "충남", "chungnam", "south chungcheong", "chungcheongnam"),
            p("전북", List.of("52", "45"), "전북특별자치도", "전라북도", "전북", "jeonbuk", "north jeolla", "jeollabuk"),
            p("전남", List.of("46"), "전라남도", "전남", "jeonnam", "south jeolla", "jeollanam"),
            p("경북", List.of("47"), "경상북도", "경북", "gyeongbuk", "north gyeongsang", "gyeongsangbuk"),
            p("경남", List.of("48"), "경상남도", "경남", "gyeongnam", "south gyeongsang", "gyeongsangnam"),
            p("제주", List.of("50"), "제주특별자치도", "제주도", "제주", "jeju"));

    private static final Map<String, Province> BY_PREFIX = new LinkedHashMap<>();

    static {
        for (Province province : ALL) {
            province.codePrefixes().forEach(prefix -> BY_PREFIX.put(prefix, province));
        }
    }

    private Provinces() {
    }

    private static Province p(String name, List<String> prefixes, String... aliases) {
        return new Province(name, prefixes, List.of(aliases));
    }

    public static Optional<Province> ofCode(String districtCode) {
        return districtCode == null || districtCode.length() < 2
                ? Optional.empty() : Optional.ofNullable(BY_PREFIX.get(districtCode.substring(0, 2)));
    }

    public static Optional<Province> named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name) || p.aliases().contains(name)).findFirst();
    }

    /** The province a formal institution name starts with, e.g. 경상남도 진주시 → 경남. */
    public static Optional<Province> leading(String institution) {
        if (institution == null) {
            return Optional.empty();
        }
        String first = institution.strip().split("\\s+")[0];
        return ALL.stream().filter(p -> p.aliases().contains(first) && first.length() > 2
                || p.aliases().get(0).equals(first)).findFirst();
    }
}
