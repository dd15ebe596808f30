package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ainfo.knowledge.entity.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ShippedCorpusTest {

    static final Pattern ENTITY = Pattern.compile("&(#\\d+|[a-zA-Z]+);");

    @Test
    void theShippedCorpusHoldsEveryPolicyOfBothDumpsCleaned() {
        List<Policy> policies = Corpus.shipped();
        assertEquals(2668, policies.size(), "1,604 + 2,620 records with 1,556 shared");
        for (Policy p : policies) {
            String text = String.join(" ", p.title(), p.summary(), p.support(), p.eligibility(), p.applyMethod(), p.documents());
            assertFalse(ENTITY.matcher(text).find(), p.id() + " still holds an HTML entity");
            assertFalse(p.url().isBlank(), p.id() + " has no link");
        }
    }

    /** The officials named in the raw dump's contact fields appear nowhere in their policy as shipped. */
    @Test
    void officialsNamesFromTheRawDumpAreNotShipped() {
        Path raw = Path.of(System.getProperty("ainfo.shared.dir", "../shared"), "data", "policies",
                "youthcenter_policies_raw_2025.csv");
        assumeTrue(Files.exists(raw), "the original dump is not on this machine");
        java.util.Map<String, Policy> shipped = new java.util.HashMap<>();
        Corpus.shipped().forEach(p -> shipped.put(p.id(), p));
        int names = 0;
        for (java.util.Map<String, String> row : ApiDump.read(raw)) {
            for (String field : List.of("sprvsnInstPicNm", "operInstPicNm")) {
                String name = row.getOrDefault(field, "").strip();
                if (name.matches("[가-힣]{2,4}") && !name.matches(".*(과|팀|실|국|센터|부|청|원|단|관|소)")) {
                    names++;
                    assertFalse(shipped.get(row.get("plcyNo")).toString().contains(name), row.get("plcyNo"));
                }
            }
        }
        assertFalse(names == 0, "the raw dump names officials, so this test checks something");
    }

    /** Regenerating from the original dumps gives the shipped file, so the cleaning in git is what ships. */
    @Test
    void theShippedCorpusIsWhatTheCleaningMakesOfTheOriginalDumps() {
        Path shared = Path.of(System.getProperty("ainfo.shared.dir", "../shared"), "data", "policies");
        assumeTrue(Files.isDirectory(shared), "the original dumps are not on this machine");
        assertEquals(Corpus.shipped(), Corpus.from(shared));
    }
}
