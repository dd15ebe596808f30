package dev.ainfo.knowledge.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English → Korean search words, inverted from the corpus vocabulary (knowledge/vocabulary.tsv: each Korean
 * term of the records' taxonomy and title nouns with its English glosses): an English word borrows every
 * Korean term it glosses. A word is found as written (with a plural ending), else as an inflection of a
 * glossed word ("studies", "moving", "planned") or the name of its doer ("carers" → care, "farmer" →
 * farm). The words that ask for a part of a programme ("pay", {@code aspectCues}) borrow nothing, and the
 * search's question words ("help", "live") are not read as forms of a glossed word. A compound the records
 * write as one word and Nori keeps whole (knowledge/nori-compounds.txt: 청년센터, 청년정책) is borrowed by
 * its parts' glosses in the same order ("youth center", "youth policies"); a part that is a question word in
 * both languages (청년 "youth", 정책 "policy") is glossed for that only and borrows nothing alone, as 청년
 * alone is no topic of a Korean question.
 */
final class EnglishGlossary {

    private static final Pattern WORD = Pattern.compile("[a-z]+");

    private final List<Entry> entries;
    /** Each entry's position under its first word, so a question checks only the entries its words begin. */
    private final Map<String, List<Integer>> byFirstWord = new HashMap<>();
    private final List<Integer> wordless = new ArrayList<>();
    /** The one-word glosses. */
    private final Map<String, List<String>> glossed = new HashMap<>();
    private final Set<String> skipped;

    EnglishGlossary(List<String[]> vocabulary, Set<String> aspectCues) {
        this(vocabulary, aspectCues, List.of());
    }

    /** {@code compounds}: each compound the records write as one word, then its parts (청년센터 청년 센터). */
    EnglishGlossary(List<String[]> vocabulary, Set<String> aspectCues, List<List<String>> compounds) {
        this.skipped = aspectCues;
        Map<String, Set<String>> korean = new LinkedHashMap<>();
        Map<String, List<String>> partGlosses = new HashMap<>();
        for (String[] row : vocabulary) {
            for (String english : row[1].split(",")) {
                String word = english.strip().toLowerCase(Locale.ROOT);
                if (word.isEmpty() || skipped.contains(word)) {
                    continue;
                }
                partGlosses.computeIfAbsent(row[0], k -> new ArrayList<>()).add(word);
                if (!partOnly(row[0], word)) {
                    korean.computeIfAbsent(word, w -> new LinkedHashSet<>()).add(row[0]);
                }
            }
        }
        for (List<String> compound : compounds) {
            for (String phrase : phrases(compound.subList(1, compound.size()), partGlosses)) {
                korean.computeIfAbsent(phrase, w -> new LinkedHashSet<>()).add(compound.get(0));
            }
        }
        List<Entry> all = new ArrayList<>();
        korean.forEach((word, terms) -> {
            all.add(Entry.of(word, List.copyOf(terms)));
            if (WORD.matcher(word).matches()) {
                glossed.put(word, List.copyOf(terms));
            }
        });
        this.entries = List.copyOf(all);
        for (int i = 0; i < entries.size(); i++) {
            Matcher first = WORD.matcher(entries.get(i).word());
            if (first.find()) {
                byFirstWord.computeIfAbsent(first.group(), w -> new ArrayList<>()).add(i);
            } else {
                wordless.add(i);
            }
        }
    }

    /** A question word in both languages (청년 "youth"): it names a compound's part, and nothing alone. */
    static boolean partOnly(String korean, String english) {
        return KoreanText.QUESTION_WORDS.contains(korean) && KoreanText.QUESTION_WORDS.contains(english);
    }

    /** Every English phrase of a compound: one gloss of each part, in the parts' order ("youth center"). */
    private static List<String> phrases(List<String> parts, Map<String, List<String>> glosses) {
        List<String> phrases = List.of("");
        for (String part : parts) {
            List<String> of = glosses.get(part);
            if (of == null) {
                return List.of();
            }
            List<String> longer = new ArrayList<>();
            for (String start : phrases) {
                for (String gloss : of) {
                    longer.add(start.isEmpty() ? gloss : start + " " + gloss);
                }
            }
            phrases = longer;
        }
        return phrases;
    }

    private boolean topicless(String word) {
        return KoreanText.QUESTION_WORDS.contains(word) || skipped.contains(word);
    }

    /** The Korean terms for the English words of {@code lower} (a lower-cased question), in glossary order. */
    Set<String> korean(String lower) {
        Set<String> terms = new LinkedHashSet<>();
        for (int i : candidates(lower)) {
            Entry entry = entries.get(i);
            if (entry.in(lower)) {
                terms.addAll(entry.korean());
            }
        }
        Matcher words = WORD.matcher(lower);
        while (words.find()) {
            String word = words.group();
            if (word.length() > 3 && !topicless(word) && !asWritten(word)) {
                terms.addAll(byForm(word));
            }
        }
        return terms;
    }

    /**
     * The positions of the entries that may occur in {@code lower}, in glossary order: those whose first
     * word is a word of the question, or one with its plural ending taken off ({@link Entry#in} allows it).
     */
    private Set<Integer> candidates(String lower) {
        Set<Integer> found = new java.util.TreeSet<>(wordless);
        Matcher words = WORD.matcher(lower);
        while (words.find()) {
            String word = words.group();
            addUnder(word, found);
            if (word.endsWith("s")) {
                addUnder(word.substring(0, word.length() - 1), found);
                if (word.endsWith("es")) {
                    addUnder(word.substring(0, word.length() - 2), found);
                }
            }
        }
        return found;
    }

    private void addUnder(String firstWord, Set<Integer> found) {
        List<Integer> under = byFirstWord.get(firstWord);
        if (under != null) {
            found.addAll(under);
        }
    }

    /** Whether a one-word entry matches the word as written, as {@link Entry#in} does. */
    private boolean asWritten(String word) {
        return glossed.containsKey(word) || word.endsWith("s") && glossed.containsKey(word.substring(0, word.length() - 1))
                || word.endsWith("es") && glossed.containsKey(word.substring(0, word.length() - 2));
    }

    /**
     * The terms of the glossed word that {@code word} is a form of: "studies" → study, "moving" → move,
     * "planned" → plan, "carers" → care, "farmer" → farm. Inflections only, so "good" never borrows "goods".
     */
    private List<String> byForm(String word) {
        for (String base : bases(word)) {
            List<String> found = glossed.get(base);
            if (found != null && !topicless(base)) {
                return found;
            }
        }
        return List.of();
    }

    /**
     * The words {@code word} may be an inflection or a doer's name of, the likelier first; then the activity
     * a doer or a past form names as a gerund ("fishers" → fishing, "moved" → moving). A bare word is no verb
     * form: "park" is no form of parking, nor "build" of building.
     */
    static List<String> bases(String word) {
        List<String> bases = new ArrayList<>();
        String w = word;
        if (w.endsWith("ies") && w.length() > 4) {
            bases.add(w.substring(0, w.length() - 3) + "y");
            return bases;
        }
        if (w.endsWith("men") && w.length() > 5) {
            bases.add(w.substring(0, w.length() - 3) + "man"); // fishermen → fisherman
        }
        if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) {
            w = w.substring(0, w.length() - 1);
            bases.add(w);
        }
        for (String ending : List.of("ing", "ed", "er")) {
            if (w.endsWith(ending) && w.length() > ending.length() + 2) {
                String stem = w.substring(0, w.length() - ending.length());
                int n = stem.length();
                bases.add(stem + "e"); // moving → move, carer → care
                bases.add(stem);
                if (stem.charAt(n - 1) == stem.charAt(n - 2)) {
                    bases.add(stem.substring(0, n - 1)); // planned → plan
                }
                if (stem.charAt(n - 1) == 'i') {
                    bases.add(stem.substring(0, n - 1) + "y"); // applied → apply
                }
                if (!ending.equals("ing")) {
                    gerunds(stem + "e", bases); // moved → moving, fishers → fishing
                }
            }
        }
        return bases;
    }

    /** The gerund of a verb: "fish" → fishing, "move" → moving, "plan" → planning. */
    private static void gerunds(String verb, List<String> bases) {
        String stem = verb.endsWith("e") && verb.length() > 3 ? verb.substring(0, verb.length() - 1) : verb;
        bases.add(stem + "ing");
        int n = stem.length();
        if (n > 2 && !verb.endsWith("e") && "aeiou".indexOf(stem.charAt(n - 2)) >= 0 && "aeiouwxy".indexOf(stem.charAt(n - 1)) < 0
                && "aeiou".indexOf(stem.charAt(n - 3)) < 0) {
            bases.add(stem + stem.charAt(n - 1) + "ing"); // plan → planning, swim → swimming
        }
    }

    /** An English glossary word, matched as a whole word with an optional plural ending ("policy" also "policies"). */
    record Entry(String word, Pattern wholeWord, List<String> korean) {
        static Entry of(String word, List<String> korean) {
            String plural = word.matches(".*[^aeiou]y") ? "|" + Pattern.quote(word.substring(0, word.length() - 1)) + "ies" : "";
            return new Entry(word, Pattern.compile("\\b(?:" + Pattern.quote(word) + "(?:s|es)?" + plural + ")\\b"), korean);
        }

        /** The cheap substring test first: the regex can only match where the word occurs. */
        boolean in(String lower) {
            return (lower.contains(word) || word.endsWith("y") && lower.contains(word.substring(0, word.length() - 1)))
                    && wholeWord.matcher(lower).find();
        }
    }
}
