package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How English words of a question find the glossary's rows: as written, or as a form of a glossed word. */
class EnglishGlossaryTest {

    static final EnglishGlossary GLOSSARY = new EnglishGlossary(List.of(
            new String[] {"공부", "study"},
            new String[] {"이사", "move"},
            new String[] {"계획", "plan"},
            new String[] {"돌봄", "care"},
            new String[] {"농업", "farm"},
            new String[] {"신청", "apply"},
            new String[] {"물품", "goods"},
            new String[] {"급여", "pay, salary"},
            new String[] {"훈련", "training"},
            new String[] {"교육", "train"},
            new String[] {"월세", "monthly rent"}), Set.of("pay"));

    static Set<String> korean(String question) {
        return GLOSSARY.korean(question.toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void inflectionsAndDoersBorrowTheTermsOfTheGlossedWord() {
        assertEquals(Set.of("공부"), korean("Free studies?"));
        assertEquals(Set.of("이사"), korean("Help with moving"));
        assertEquals(Set.of("계획"), korean("We planned a wedding"));
        assertEquals(Set.of("돌봄"), korean("Support for young carers"));
        assertEquals(Set.of("농업"), korean("I'm a farmer"));
        assertEquals(Set.of("농업"), korean("Grants for farmers"));
        assertEquals(Set.of("신청"), korean("I applied twice"));
    }

    @Test
    void aDoerOrAPastFormBorrowsTheTermsOfItsActivity() {
        EnglishGlossary glossary = new EnglishGlossary(List.of(new String[] {"어업", "fishing, fisherman"},
                new String[] {"이사", "moving"}, new String[] {"주차", "parking"}), Set.of());
        assertEquals(Set.of("어업"), glossary.korean("support for young fishers"));
        assertEquals(Set.of("어업"), glossary.korean("are there grants for fishermen?"));
        assertEquals(Set.of("이사"), glossary.korean("i just moved here"));
        assertEquals(Set.of(), glossary.korean("is there a park nearby?"), "park is no form of parking");
    }

    @Test
    void aWordAsWrittenKeepsItsOwnRowAndPluralsMatchAsWritten() {
        assertEquals(Set.of("훈련"), korean("Any training?"), "not 교육 of train");
        assertEquals(Set.of("월세"), korean("How about monthly rents"));
    }

    @Test
    void everyGlossOfTheRealVocabularyIsFoundInASentenceAsWrittenAndInThePlural() throws Exception {
        java.util.Map<String, Set<String>> byGloss = new java.util.HashMap<>();
        try (var lines = java.nio.file.Files.lines(java.nio.file.Path.of("src/main/resources/knowledge/vocabulary.tsv"))) {
            lines.filter(line -> !line.startsWith("#")).map(line -> line.split("\t")).filter(row -> row.length == 2)
                    .forEach(row -> {
                        for (String gloss : row[1].split(",")) {
                            String word = gloss.strip().toLowerCase(java.util.Locale.ROOT);
                            if (!word.isEmpty()) {
                                byGloss.computeIfAbsent(word, w -> new java.util.HashSet<>()).add(row[0].strip().toLowerCase(java.util.Locale.ROOT));
                            }
                        }
                    });
        }
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        byGloss.forEach((gloss, terms) -> terms.forEach(term -> rows.add(new String[] {term, gloss})));
        EnglishGlossary real = new EnglishGlossary(rows, Set.of());
        assertEquals(true, byGloss.size() > 1000, "the vocabulary has its glosses: " + byGloss.size());
        byGloss.forEach((gloss, all) -> {
            Set<String> terms = all.stream().filter(term -> !EnglishGlossary.partOnly(term, gloss)).collect(java.util.stream.Collectors.toSet());
            Set<String> found = real.korean("tell me about " + gloss + " please");
            assertEquals(true, found.containsAll(terms), gloss + " → " + found);
            Set<String> plural = real.korean("any " + gloss + "s?");
            assertEquals(true, plural.containsAll(terms), gloss + "s → " + plural);
        });
    }

    static final EnglishGlossary WITH_COMPOUNDS = new EnglishGlossary(List.of(
            new String[] {"청년", "youth, young"},
            new String[] {"정책", "policy"},
            new String[] {"센터", "center, centre"},
            new String[] {"공공", "public"},
            new String[] {"임대", "rental"},
            new String[] {"주택", "housing, house"}), Set.of(),
            List.of(List.of("청년센터", "청년", "센터"), List.of("청년정책", "청년", "정책"),
                    List.of("공공임대주택", "공공", "임대", "주택"), List.of("공공기관", "공공", "기관")));

    static Set<String> withCompounds(String question) {
        return WITH_COMPOUNDS.korean(question.toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void aCompoundNoriKeepsWholeIsBorrowedByItsPartsGlossesInOrder() {
        assertEquals(Set.of("센터", "청년센터"), withCompounds("Is there a youth center near me?"));
        assertEquals(Set.of("센터", "청년센터"), withCompounds("any young centres?"), "every gloss of each part, plurals too");
        assertEquals(Set.of("청년정책"), withCompounds("How can I join local youth policy discussions?"));
        assertEquals(Set.of("청년정책"), withCompounds("info on youth policies"), "policy, policies");
        assertEquals(Set.of("공공", "임대", "주택", "공공임대주택"), withCompounds("Is there public rental housing?"));
        assertEquals(Set.of("센터"), withCompounds("a center for youth"), "the parts' order");
        assertEquals(Set.of("공공"), withCompounds("public offices"), "a part without a gloss (기관) gives no phrase");
    }

    @Test
    void aQuestionWordOfBothLanguagesBorrowsNothingAlone() {
        assertEquals(Set.of(), withCompounds("Any help for young people? I read about a policy once"));
        assertEquals(Set.of(), withCompounds("support for youth"));
    }

    @Test
    void onlyInflectionsCountSoAShorterWordBorrowsNothing() {
        assertEquals(Set.of(), korean("Is it good?"), "good is no form of goods");
        assertEquals(Set.of(), korean("a careful plane"), "careful and plane are no forms of care and plan");
    }

    @Test
    void wordsAskingForAPartOfAProgrammeBorrowNothing() {
        assertEquals(Set.of(), korean("How do they pay?"));
        assertEquals(Set.of(), korean("Will I get paid?"));
        assertEquals(Set.of("급여"), korean("What salary?"));
    }

    @Test
    void basesAreTheLikelierFormsFirst() {
        assertEquals(List.of("study"), EnglishGlossary.bases("studies"));
        assertEquals(List.of("carer", "care", "car", "caring"), EnglishGlossary.bases("carers"));
        assertEquals(List.of("planne", "plann", "plan", "planning"), EnglishGlossary.bases("planned"));
        assertEquals(List.of("fisherman"), EnglishGlossary.bases("fishermen"));
        assertEquals(List.of(), EnglishGlossary.bases("park"), "a bare word is no verb form");
    }
}
