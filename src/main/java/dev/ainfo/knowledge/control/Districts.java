package dev.ainfo.knowledge.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every 시·군·구 of every province, from the administrative list shipped in {@code knowledge/districts.tsv},
 * with the codes the records' {@code districts} use. Unlike {@link Places}, which knows only the names
 * records happen to mention, this list is complete, so it can check a district a user gives.
 */
public final class Districts {

    public static final String RESOURCE = "knowledge/districts.tsv";

    /** {@code code} is null for a district the records do not know yet. */
    public record District(String province, String code, String name) {
    }

    public static final List<District> ALL = load();

    private Districts() {
    }

    /** The provinces that have a district of this name (several for 중구 or 고성군), empty if none. */
    public static Set<String> provincesOf(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).map(District::province).collect(Collectors.toSet());
    }

    public static List<District> in(String province) {
        return ALL.stream().filter(d -> d.province().equals(province)).toList();
    }

    /** The district of a record's code; a 일반구 code (41111 수원시 장안구) gives its city (41110). */
    public static Optional<District> ofCode(String code) {
        if (code == null || code.length() != 5) {
            return Optional.empty();
        }
        String city = code.substring(0, 4) + "0";
        return ALL.stream().filter(d -> code.equals(d.code())).findFirst()
                .or(() -> ALL.stream().filter(d -> city.equals(d.code())).findFirst());
    }

    /**
     * The district an English question names in romanised form ("Sokcho", "Bupyeong-gu"), within
     * {@code province} when that is known. A 구 of one syllable needs its "-gu", the short names (Jung, Seo,
     * Buk) being ordinary syllables otherwise; a longer one is read without it ("Haeundae", "Mapo"). A city
     * named as its province is (Jeju) needs its "-si" or "City": "Jeju" alone is the province. A name
     * several provinces share needs the province.
     */
    public static Optional<District> inEnglish(String lower, String province) {
        List<District> found = ENGLISH.stream().filter(e -> province == null || e.district().province().equals(province))
                .filter(e -> e.in(lower)).map(English::district).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private record English(District district, String stem, java.util.regex.Pattern wholeWord) {
        static English of(District d) {
            String hangul = d.name().substring(0, d.name().length() - 1);
            String stem = Romanization.of(hangul);
            boolean asProvince = Provinces.ALL.stream().anyMatch(p -> p.name().equals(d.province()) && p.aliases().contains(stem));
            String suffix = switch (d.name().charAt(d.name().length() - 1)) {
                case '시' -> asProvince ? "(?:[- ]?si| city)" : "(?:[- ]?si| city)?";
                case '군' -> "(?:[- ]?gun| county)?";
                default -> hangul.length() > 1 ? "(?:[- ]?gu| district)?" : "(?:[- ]?gu| district)";
            };
            return new English(d, stem, java.util.regex.Pattern.compile("\\b" + stem + suffix + "\\b"));
        }

        boolean in(String lower) {
            return lower.contains(stem) && wholeWord.matcher(lower).find();
        }
    }

    private static final List<English> ENGLISH = ALL.stream().filter(d -> d.code() != null && d.name().length() > 1)
            .map(English::of).toList();

    private static List<District> load() {
        try (InputStream in = Districts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            List<District> districts = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                districts.add(new District(cells[0], cells[1].isEmpty() ? null : cells[1], cells[2]));
            }
            return List.copyOf(districts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
