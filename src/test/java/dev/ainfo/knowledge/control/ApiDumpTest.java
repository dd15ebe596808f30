package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ainfo.knowledge.entity.Policy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiDumpTest {

    @TempDir
    Path folder;

    @Test
    void readsTheApiCsvWithItsByteOrderMarkAndLineBreaksInCells() throws IOException {
        Path csv = folder.resolve("dump.csv");
        Files.write(csv, ("\uFEFFplcyNo,plcyNm,plcySprtCn,zipCd\n"
                + "20250101005400210001,\"면접 정장 대여\",\"1. 정장\n2. 구두\",\"26110,\"\n").getBytes(StandardCharsets.UTF_8));
        List<Policy> policies = Corpus.from(csv);
        assertEquals(1, policies.size());
        assertEquals("20250101005400210001", policies.get(0).id());
        assertEquals("1. 정장\n2. 구두", policies.get(0).support());
    }

    @Test
    void readsTheApiJsonResponseAndEveryDumpInAFolder() throws IOException {
        Files.writeString(folder.resolve("page1.json"), """
                {"resultCode":200,"result":{"pagging":{"totCount":1},"youthPolicyList":[
                  {"plcyNo":"20250101005400210002","plcyNm":"청년 월세 지원","zipCd":"11110"}]}}""");
        Files.writeString(folder.resolve("page2.json"), """
                [{"plcyNo":"20250101005400210003","plcyNm":"청년 이사비 지원","zipCd":"50110"}]""");
        Files.writeString(folder.resolve("notes.txt"), "not a dump");
        List<Policy> policies = Corpus.from(folder);
        assertEquals(List.of("청년 월세 지원", "청년 이사비 지원"), policies.stream().map(Policy::title).toList());
        assertEquals(List.of("제주"), policies.get(1).regions());
    }

    @Test
    void aMissingOrEmptySourceIsRefused() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> Corpus.from(folder.resolve("nowhere")));
        Files.writeString(folder.resolve("empty.json"), "[]");
        assertThrows(IllegalArgumentException.class, () -> Corpus.from(folder));
    }
}
