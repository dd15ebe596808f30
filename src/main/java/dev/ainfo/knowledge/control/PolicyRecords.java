package dev.ainfo.knowledge.control;

import dev.ainfo.knowledge.entity.Policy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Turns API records into clean {@link Policy} values and joins the two export formats on plcyNo.
 * The raw API record wins: it carries the eligibility texts and the only trustworthy ages.
 */
public final class PolicyRecords {

    static final String PORTAL_DETAIL = "https://www.youthcenter.go.kr/youthPolicy/ythPlcyTotalSearch/ythPlcyDetail/";
    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);");
    private static final Pattern AGE_RANGE = Pattern.compile(
            "(?:만\\s*)?(\\d{2})\\s*세?\\s*(?:이상|부터)?\\s*(?:~|∼|-|–|〜|에서)\\s*(?:만\\s*)?(\\d{2})\\s*세");
    private static final Pattern AGE_UPPER = Pattern.compile("(?:만\\s*)?(\\d{2})\\s*세\\s*(?:이하|미만)");
    private static final int NATIONWIDE_PROVINCES = 15;

    private PolicyRecords() {
    }

    /** Cleans and joins every record; later raw records replace earlier ones with the same plcyNo. */
    public static List<Policy> fromRows(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> raw = new LinkedHashMap<>();
        Map<String, Map<String, String>> simplified = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            if (row.containsKey("plcyNo")) {
                raw.put(row.get("plcyNo").strip(), row);
            } else if (row.containsKey("id")) {
                simplified.put(row.get("id").strip(), row);
            }
        }
        Map<String, Policy> policies = new LinkedHashMap<>();
        raw.forEach((id, row) -> policies.put(id, fromApi(row, simplified.get(id))));
        simplified.forEach((id, row) -> policies.putIfAbsent(id, fromSimplified(row)));
        return new ArrayList<>(policies.values());
    }

    static Policy fromApi(Map<String, String> r, Map<String, String> later) {
        String id = text(r, "plcyNo");
        List<String> districts = codes(r.get("zipCd"));
        Set<String> provinces = provinces(districts);
        boolean nationwide = districts.isEmpty() || provinces.size() >= NATIONWIDE_PROVINCES;
        String summary = text(r, "plcyExplnCn");
        String support = text(r, "plcySprtCn");
        String eligibility = eligibility(r);
        Integer[] ages = apiAges(r);
        if (ages[0] == null && ages[1] == null && !"Y".equalsIgnoreCase(text(r, "sprtTrgtAgeLmtYn"))) {
            ages = textAges(summary + " " + support + " " + eligibility);
        }
        String institution = first(text(r, "sprvsnInstCdNm"), text(r, "operInstCdNm"), text(r, "rgtrInstCdNm"));
        String url = first(text(r, "aplyUrlAddr"), text(r, "refUrlAddr1"), text(r, "refUrlAddr2"),
                later == null ? "" : text(later, "applyUrl"), PORTAL_DETAIL + id);
        return new Policy(id, text(r, "plcyNm"), institution, url,
                firstCategory(text(r, "lclsfNm")), text(r, "mclsfNm"), summary, support, eligibility,
                text(r, "plcyAplyMthdCn"), text(r, "sbmsnDcmntCn"), text(r, "srngMthdCn"), period(r),
                ages[0], ages[1], nationwide, nationwide ? List.of() : List.copyOf(provinces),
                keywords(text(r, "plcyKywdNm")), nationwide ? List.of() : districts, text(r, "etcMttrCn"),
                formatPeriod(range(text(r, "bizPrdBgngYmd"), text(r, "bizPrdEndYmd"))));
    }

    /** The simplified 2026 export: its ages are unreliable, so they come from the text first. */
    static Policy fromSimplified(Map<String, String> r) {
        String id = text(r, "id");
        String summary = text(r, "summary");
        String support = text(r, "support");
        Integer[] ages = textAges(summary + " " + support);
        if (ages[0] == null && ages[1] == null) {
            ages = plausible(number(r.get("minAge")), number(r.get("maxAge")));
        }
        List<String> regions = keywords(text(r, "regions"));
        boolean nationwide = Boolean.parseBoolean(text(r, "nationwide")) || regions.isEmpty();
        String period = text(r, "period");
        return new Policy(id, text(r, "name"), text(r, "org"),
                first(text(r, "applyUrl"), text(r, "refUrl"), PORTAL_DETAIL + id),
                firstCategory(text(r, "category")), text(r, "subCategory"), summary, support, "",
                text(r, "applyMethod"), text(r, "submitDocs"), "", formatPeriod(period),
                ages[0], ages[1], nationwide, nationwide ? List.of() : regions,
                keywords(text(r, "keywords")), List.of(), "");
    }

    /**
     * The API's age flag is inverted: "Y" comes with 0/0 and means no restriction, "N" comes with the
     * real range. So the range is read from the numbers, never the flag read as "limited".
     */
    static Integer[] apiAges(Map<String, String> r) {
        return plausible(number(r.get("sprtTrgtMinAge")), number(r.get("sprtTrgtMaxAge")));
    }

    static Integer[] plausible(Integer min, Integer max) {
        Integer low = min == null || min <= 1 ? null : min;
        Integer high = max == null || max <= 0 || max >= 99 ? null : max;
        if (low != null && high != null && low > high) {
            return new Integer[] {null, null};
        }
        return new Integer[] {low, high};
    }

    /** Reads "만 19세~39세", "19~34세" or "만 39세 이하" from a policy's own text. */
    static Integer[] textAges(String text) {
        Matcher range = AGE_RANGE.matcher(text);
        if (range.find()) {
            return plausible(Integer.valueOf(range.group(1)), Integer.valueOf(range.group(2)));
        }
        Matcher upper = AGE_UPPER.matcher(text);
        if (upper.find()) {
            return plausible(null, Integer.valueOf(upper.group(1)));
        }
        return new Integer[] {null, null};
    }

    private static String eligibility(Map<String, String> r) {
        List<String> parts = new ArrayList<>();
        add(parts, "", text(r, "addAplyQlfcCndCn"));
        String income = switch (text(r, "earnCndSeCd")) {
            case "0043002" -> incomeRange(number(r.get("earnMinAmt")), number(r.get("earnMaxAmt")));
            case "0043003" -> text(r, "earnEtcCn");
            default -> "";
        };
        add(parts, "소득 조건: ", income);
        String marriage = switch (text(r, "mrgSttsCd")) {
            case "0055001" -> "기혼자";
            case "0055002" -> "미혼자";
            default -> "";
        };
        add(parts, "혼인 요건: ", marriage);
        add(parts, "참여 제한: ", text(r, "ptcpPrpTrgtCn"));
        return String.join("\n", parts);
    }

    private static String incomeRange(Integer min, Integer max) {
        // The API states income bounds in units of 10,000 KRW.
        String low = min == null || min == 0 ? "" : min + "만원 이상";
        String high = max == null || max == 0 ? "" : max + "만원 이하";
        return ("연소득 " + low + " " + high).strip().equals("연소득") ? "" : ("연소득 " + low + " " + high).strip();
    }

    private static void add(List<String> parts, String label, String value) {
        if (!value.isBlank()) {
            parts.add(label + value);
        }
    }

    private static String period(Map<String, String> r) {
        String window = formatPeriod(text(r, "aplyYmd"));
        if (!window.isBlank()) {
            return window;
        }
        String etc = text(r, "bizPrdEtcCn");
        return etc.isBlank() && "0057002".equals(text(r, "aplyPrdSeCd")) ? "상시" : etc;
    }

    private static String range(String from, String to) {
        return from.isBlank() && to.isBlank() ? "" : (from + " ~ " + to).strip();
    }

    static String formatPeriod(String ymd) {
        return ymd == null ? "" : ymd.replaceAll("(\\d{4})(\\d{2})(\\d{2})", "$1.$2.$3").strip();
    }

    /** Decodes HTML entities (some are double-encoded), then tidies spaces but keeps line breaks. */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        for (int i = 0; i < 3 && ENTITY.matcher(text).find(); i++) {
            text = StringEscapeUtils.unescapeHtml4(text.replace("&apos;", "'"));
        }
        text = text.replace('\u00a0', ' ').replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            String tidy = line.replaceAll("[\\t ]+", " ").strip();
            if (!tidy.isEmpty()) {
                out.append(out.length() == 0 ? "" : "\n").append(tidy);
            }
        }
        return out.toString();
    }

    private static String text(Map<String, String> r, String field) {
        return clean(r.get(field));
    }

    private static String first(String... values) {
        return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).findFirst().orElse("");
    }

    private static String firstCategory(String category) {
        return category.split(",")[0].strip();
    }

    static List<String> codes(String zip) {
        if (zip == null) {
            return List.of();
        }
        return Arrays.stream(zip.split(",")).map(String::strip).filter(c -> c.matches("\\d{5}")).distinct().toList();
    }

    private static Set<String> provinces(List<String> districts) {
        Set<String> names = new LinkedHashSet<>();
        districts.forEach(code -> Provinces.ofCode(code).ifPresent(p -> names.add(p.name())));
        return names;
    }

    private static List<String> keywords(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(k -> !k.isEmpty()).distinct().toList();
    }

    private static Integer number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
