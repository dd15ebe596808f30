package dev.ainfo.profile.control;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ainfo.knowledge.control.Districts;
import dev.ainfo.knowledge.control.Provinces;
import dev.ainfo.profile.entity.Profile;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a profile as the REST API accepts it: one JSON object with any of {@code age} or
 * {@code birthYear}, {@code province}, {@code district}, {@code status} and {@code interests}; a missing
 * or null field is unknown. Anything else is an {@link InvalidProfile} naming what is wrong.
 * Regions are checked against {@link Provinces} and {@link Districts}. An age becomes a birth year by
 * this clock's year, the way {@link Profile#age} turns it back.
 */
public final class ProfileReader {

    public static final int MIN_AGE = 14;
    public static final int MAX_AGE = 99;
    public static final int MAX_INTERESTS = 10;
    public static final int MAX_INTEREST_LENGTH = 30;
    static final Set<String> FIELDS = Set.of("age", "birthYear", "province", "district", "status", "interests");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** One 시·군·구 name: Hangul ending in 시, 군 or 구, such as 마포구 or 진주시. */
    private static final Pattern DISTRICT = Pattern.compile("[가-힣]{1,8}[시군구]");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final Clock clock;

    public ProfileReader(Clock clock) {
        this.clock = clock;
    }

    public Profile read(String body) {
        JsonNode root = parse(body);
        if (!root.isObject()) {
            throw new InvalidProfile("the profile must be a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidProfile("unknown field '" + name + "'; known fields: " + new TreeSet<>(FIELDS));
            }
        }
        Integer birthYear = birthYear(integer(root, "age"), integer(root, "birthYear"));
        String province = province(text(root, "province"));
        String district = text(root, "district");
        if (district != null) {
            province = districtProvince(district, province);
        }
        return new Profile(birthYear, province, district, status(text(root, "status")), interests(root.get("interests")));
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidProfile("a profile (JSON object) is required");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidProfile("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private Integer birthYear(Integer age, Integer birthYear) {
        int thisYear = LocalDate.now(clock).getYear();
        if (age != null && (age < MIN_AGE || age > MAX_AGE)) {
            throw new InvalidProfile("age must be between " + MIN_AGE + " and " + MAX_AGE);
        }
        if (birthYear != null && (birthYear < thisYear - MAX_AGE || birthYear > thisYear - MIN_AGE)) {
            throw new InvalidProfile("birthYear must be between " + (thisYear - MAX_AGE) + " and " + (thisYear - MIN_AGE));
        }
        if (age != null && birthYear != null && birthYear != thisYear - age) {
            throw new InvalidProfile("age " + age + " and birthYear " + birthYear + " disagree; give one of them");
        }
        return age == null ? birthYear : Integer.valueOf(thisYear - age);
    }

    private static String province(String name) {
        if (name == null) {
            return null;
        }
        return Provinces.named(name).or(() -> Provinces.named(name.toLowerCase(Locale.ROOT)))
                .map(Provinces.Province::name)
                .orElseThrow(() -> new InvalidProfile("unknown province '" + name + "'; use one of "
                        + Provinces.ALL.stream().map(Provinces.Province::name).collect(Collectors.joining(", "))));
    }

    /** The province the district lies in: the one given, or the only one a district name allows. */
    private static String districtProvince(String district, String province) {
        if (!DISTRICT.matcher(district).matches()) {
            throw new InvalidProfile("district must be one 시, 군 or 구 name, such as 마포구");
        }
        Set<String> known = Districts.provincesOf(district);
        if (known.isEmpty()) {
            throw new InvalidProfile("unknown district '" + district + "'");
        }
        if (province == null) {
            if (known.size() > 1) {
                throw new InvalidProfile("there is a " + district + " in " + new TreeSet<>(known) + "; give the province too");
            }
            return known.iterator().next();
        }
        if (!known.contains(province)) {
            throw new InvalidProfile(district + " is not in " + province);
        }
        return province;
    }

    private static Profile.Status status(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(Profile.Status.values()).filter(s -> s.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidProfile("status must be one of " + Arrays.toString(Profile.Status.values())));
    }

    private static List<String> interests(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidProfile("interests must be an array of strings");
        }
        if (node.size() > MAX_INTERESTS) {
            throw new InvalidProfile("at most " + MAX_INTERESTS + " interests");
        }
        Set<String> interests = new LinkedHashSet<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new InvalidProfile("interests must be an array of strings");
            }
            String interest = item.asText().strip();
            if (interest.isEmpty() || CONTROL.matcher(interest).find()) {
                throw new InvalidProfile("an interest must be visible text");
            }
            if (interest.codePointCount(0, interest.length()) > MAX_INTEREST_LENGTH) {
                throw new InvalidProfile("an interest is at most " + MAX_INTEREST_LENGTH + " characters");
            }
            interests.add(interest);
        }
        return new ArrayList<>(interests);
    }

    private static Integer integer(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new InvalidProfile(field + " must be a whole number");
        }
        return node.intValue();
    }

    /** A string field, stripped; blank counts as unknown. */
    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidProfile(field + " must be a string");
        }
        String value = node.asText().strip();
        return value.isEmpty() ? null : value;
    }
}
