package dev.ainfo.knowledge.control;

import dev.ainfo.knowledge.entity.QuestionFacts;
import dev.ainfo.knowledge.entity.QuestionFacts.Aspect;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a question the way young people ask one: where they live, how old they are, what kind of
 * help they need and which part of a programme they ask about. English questions are given Korean
 * search terms from the corpus's own vocabulary with English glosses, because the records are Korean only.
 */
public final class QuestionReader {

    /**
     * "living in Andong", "based in Seoul", "born in 1999": where the asker lives and when they were born,
     * as "사는" and "99년생" say it in Korean, or where something happens ("at home", "from home": not housing);
     * "planning to", "interested in", "what suits me": what the asker
     * means to do or likes, verbs where the glossary has nouns. These words borrow no glossary term ("living"
     * glosses 주거, "born" 출생, "plan" 기획, "interest" 금리, "suit" 정장): they tell who asks, not what is asked about.
     */
    private static final Pattern ABOUT_ASKER_EN = Pattern.compile(
            "\\b(?:live|lives|living|lived|based|staying|residing|reside)\\s+(?:in|at|near|on)\\b"
                    + "|\\bborn\\s+(?:in\\s+)?['’]?(?:19|20)?\\d{2}(?!\\d)"
                    + "|\\bplan(?:s|ned|ning)?\\s+(?:to|on)\\b|\\binterested\\s+in\\b"
                    + "|\\bsuit(?:s|ed)?\\s+(?:me|you|us|him|her|them)\\b|\\b(?:at|from)\\s+home\\b");
    private static final Pattern NATIONWIDE = Pattern.compile("전국|국토부|정부에서|나라에서|nationwide|national|whole country|across korea");
    private static final Pattern HANGUL = Pattern.compile("[가-힣]");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]{2,}");

    private static final Map<String, String> CATEGORY_CUES = Map.ofEntries(
            Map.entry("월세", "주거"), Map.entry("전세", "주거"), Map.entry("주거", "주거"), Map.entry("보증금", "주거"),
            Map.entry("임대", "주거"), Map.entry("이사", "주거"), Map.entry("집", "주거"), Map.entry("자취", "주거"),
            Map.entry("취업", "일자리"), Map.entry("구직", "일자리"), Map.entry("일자리", "일자리"), Map.entry("면접", "일자리"),
            Map.entry("창업", "일자리"), Map.entry("채용", "일자리"), Map.entry("인턴", "일자리"),
            Map.entry("학자금", "교육"), Map.entry("장학", "교육"), Map.entry("자격증", "교육"), Map.entry("교육비", "교육"),
            Map.entry("심리", "복지문화"), Map.entry("상담", "복지문화"), Map.entry("문화", "복지문화"), Map.entry("건강", "복지문화"),
            Map.entry("적금", "복지문화"), Map.entry("자산", "복지문화"), Map.entry("저축", "복지문화"),
            Map.entry("정책 제안", "참여권리"), Map.entry("참여", "참여권리"));

    private static final Map<Aspect, List<String>> ASPECT_CUES = Map.of(
            Aspect.ELIGIBILITY, List.of("자격", "대상", "조건", "받을 수", "해당", "가능한가", "가능해", "될까", "되나",
                    "eligible", "eligibility", "qualify", "who can", "can i"),
            Aspect.HOW_TO_APPLY, List.of("신청", "접수", "지원하", "어디서", "어떻게 받", "방법", "apply", "application", "sign up", "register"),
            Aspect.DOCUMENTS, List.of("서류", "준비물", "제출", "필요한 거", "documents", "paperwork", "papers", "what do i need"),
            Aspect.AMOUNT, List.of("얼마", "금액", "한도", "최대", "지원금", "몇 만", "만원", "how much", "amount", "money", "pay"),
            Aspect.PERIOD, List.of("언제", "기간", "마감", "when", "deadline", "how long"),
            Aspect.CONTACT, List.of("문의", "연락", "전화", "contact", "phone"));

    /** A 시·군·구 named after the province or before "에 살아": "서울 마포구에", "수원시 사는". */
    private static final Pattern TOWN = Pattern.compile(
            "([가-힣]{1,4}(?:시|군|구))(?=에서|에|\\s*(?:사는|살|거주|에서|쪽))");

    private static final Pattern RESIDES = Pattern.compile("\\s*(?:사는|살|거주)");

    /** Every alias of every province, in the order {@link #province} prefers them on equal length. */
    private static final List<ProvinceAlias> PROVINCE_ALIASES = Provinces.ALL.stream()
            .flatMap(p -> p.aliases().stream().map(a -> ProvinceAlias.of(a, p.name()))).toList();

    private final Places places;
    private final EnglishGlossary glossary;
    private final List<String[]> colloquial;
    private final AskerAge ages;

    /** Korea's wall clock, for a reader given none. */
    static final Clock KOREA = Clock.system(ZoneId.of("Asia/Seoul"));

    /** A reader counting birth years ("99년생") against Korea's calendar year now. */
    public QuestionReader(Places places) {
        this(places, KOREA);
    }

    /** A reader counting birth years against {@code clock}'s year (tests fix it). */
    public QuestionReader(Places places, Clock clock) {
        this.places = places;
        this.ages = new AskerAge(clock);
        this.glossary = new EnglishGlossary(pairs("knowledge/vocabulary.tsv"), ASPECT_CUES.values().stream()
                .flatMap(List::stream).collect(java.util.stream.Collectors.toSet()), compounds());
        this.colloquial = pairs("knowledge/colloquial.tsv");
    }

    /** A name for a province; romanised ones must stand as whole words ("busan", not "busant"). */
    private record ProvinceAlias(String alias, String province, Pattern wholeWord) {
        static ProvinceAlias of(String alias, String province) {
            boolean latin = alias.chars().allMatch(c -> c < 128);
            return new ProvinceAlias(alias, province, latin ? Pattern.compile("\\b" + alias + "\\b") : null);
        }

        boolean in(String lower) {
            return lower.contains(alias) && (wholeWord == null || wholeWord.matcher(lower).find());
        }
    }

    /** Province, age, aspects and language only (no corpus-learnt places): enough to shape an answer. */
    public static QuestionFacts basic(String question) {
        return Basic.READER.read(question);
    }

    private static final class Basic {
        static final QuestionReader READER = new QuestionReader(new Places(List.of()));
    }

    public QuestionFacts read(String question) {
        String text = question == null ? "" : question;
        String lower = text.toLowerCase(Locale.ROOT);
        boolean english = !HANGUL.matcher(text).find() && LATIN.matcher(text).find();
        String province = province(lower);
        String place = null;
        if (!english) {
            Places.Place found = places.find(text).orElse(null);
            if (found != null) {
                place = found.name();
                if (found.province() != null) {
                    // Where the asker lives decides ("평택 사는… 서울에 있는 대학" is 경기).
                    province = found.province();
                }
            } else {
                place = town(text);
            }
        }
        if (english) {
            Districts.District district = Districts.inEnglish(lower, province).orElse(null);
            if (district != null) {
                place = district.name();
                province = district.province();
            }
        }
        boolean nationwide = province == null && NATIONWIDE.matcher(lower).find();
        return new QuestionFacts(province, place, ages.of(text, lower), category(english ? koreanTerms(lower) : text),
                aspects(lower), english, nationwide, AskerStatus.of(lower));
    }

    /**
     * A 시·군·구 the corpus does not name, said as where the asker lives. A name outside the administrative
     * list (a 일반구 such as 분당구, or a word that only ends like one: 국제기구에서) counts only before
     * "사는"/"살"/"거주".
     */
    private static String town(String text) {
        List<String> towns = towns(text);
        return towns.isEmpty() ? null : towns.get(0);
    }

    private static List<String> towns(String text) {
        List<String> towns = new ArrayList<>();
        Matcher m = TOWN.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (Provinces.named(name.substring(0, name.length() - 1)).isEmpty() && !name.startsWith("청년")
                    && (!Districts.provincesOf(name).isEmpty() || RESIDES.matcher(text).region(m.end(), text.length()).lookingAt())) {
                towns.add(name);
            }
        }
        return towns;
    }

    /**
     * The names a Korean question gives places with ("제주시 사는", "성남 분당구 사는"): where the asker lives,
     * not what the question is about. A short name ("연수", also a word) only when it is the place read.
     */
    public Set<String> placeWords(String question) {
        Set<String> words = new java.util.HashSet<>();
        if (question == null || !HANGUL.matcher(question).find()) {
            return words;
        }
        places.named(question).stream().filter(p -> !Districts.provincesOf(p.name()).isEmpty()).forEach(p -> words.add(p.name()));
        places.find(question).ifPresent(p -> words.add(p.name()));
        words.addAll(towns(question));
        return words;
    }

    /** The question without the words that describe the asker's status (취준생, 직장인…): {@link AskerStatus#without}. */
    public String withoutStatus(String question) {
        return AskerStatus.without(question);
    }

    /** The words to search with: the question, plus Korean terms for any English ones. */
    public String searchText(String question) {
        String lower = question.toLowerCase(Locale.ROOT);
        String korean = koreanTerms(lower);
        if (!HANGUL.matcher(question).find()) {
            // English words would only match the few records with English names in them. Untranslated, the
            // place named is still no topic ("job seekers in Suwon" names only the asker), as in Korean.
            return korean.isEmpty() ? withoutPlaces(question, lower) : korean;
        }
        String text = AskerAge.without(question);
        for (String[] pair : colloquial) {
            text = text.replace(pair[0], " " + pair[1] + " ");
        }
        return korean.isEmpty() ? text : text + " " + korean;
    }

    /** An English question without the romanised province and 시·군·구 it names ("Busan", "Yeonsu-gu", "Suwon city"). */
    private static String withoutPlaces(String question, String lower) {
        List<String> names = new ArrayList<>();
        String province = province(lower);
        for (ProvinceAlias alias : PROVINCE_ALIASES) {
            if (alias.wholeWord() != null && alias.in(lower)) {
                names.add(alias.alias());
            }
        }
        Districts.inEnglish(lower, province).ifPresent(d -> names.add(Romanization.of(d.name().substring(0, d.name().length() - 1))));
        if (names.isEmpty()) {
            return question;
        }
        return Pattern.compile("\\b(?:" + String.join("|", names.stream().map(Pattern::quote).toList())
                + ")(?:[- ]?(?:si|gun|gu|do)| city| county| district| province)?\\b", Pattern.CASE_INSENSITIVE)
                .matcher(question).replaceAll(" ");
    }

    private String koreanTerms(String lower) {
        if (!LATIN.matcher(lower).find()) {
            return "";
        }
        return String.join(" ", glossary.korean(ABOUT_ASKER_EN.matcher(lower).replaceAll(" ")));
    }

    private static String province(String lower) {
        String best = null;
        int bestLength = 0;
        for (ProvinceAlias alias : PROVINCE_ALIASES) {
            if (alias.alias().length() > bestLength && alias.in(lower)) {
                best = alias.province();
                bestLength = alias.alias().length();
            }
        }
        return best;
    }

    /**
     * The category of the cue said first ("월세 살면서 취업 준비" is 주거). Not the map's first match: a
     * Map.of's order changes from one JVM start to the next.
     */
    static String category(String text) {
        String found = null;
        int at = Integer.MAX_VALUE;
        for (Map.Entry<String, String> cue : CATEGORY_CUES.entrySet()) {
            int i = text.indexOf(cue.getKey());
            if (i >= 0 && (i < at || i == at && cue.getValue().compareTo(found) < 0)) {
                found = cue.getValue();
                at = i;
            }
        }
        return found;
    }

    private static Set<Aspect> aspects(String lower) {
        Set<Aspect> found = EnumSet.noneOf(Aspect.class);
        ASPECT_CUES.forEach((aspect, cues) -> {
            if (cues.stream().anyMatch(lower::contains)) {
                found.add(aspect);
            }
        });
        return found;
    }

    /** The compounds Nori keeps whole, each with its parts (knowledge/nori-compounds.txt: "청년센터 청년 센터"). */
    private static List<List<String>> compounds() {
        return KoreanText.resource(KoreanText.COMPOUNDS).lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> List.of(line.strip().split("\\s+"))).filter(parts -> parts.size() > 2).toList();
    }

    /** Word → search terms, one tab-separated pair per line (vocabulary.tsv reversed, colloquial.tsv). */
    private static List<String[]> pairs(String resource) {
        List<String[]> entries = new ArrayList<>();
        try (InputStream in = QuestionReader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return entries;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String[] pair = line.split("\t");
                if (pair.length == 2 && !line.startsWith("#")) {
                    entries.add(new String[] {pair[0].strip().toLowerCase(Locale.ROOT), pair[1].strip()});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
