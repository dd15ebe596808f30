package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.knowledge.entity.Policy;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The shipped 시·군·구 list against the provinces and the records' own district codes. */
class DistrictsTest {

    @Test
    void everyDistrictLiesInAKnownProvinceAndItsCodeAgreesWithIt() {
        assertEquals(231, Districts.ALL.size());
        for (Districts.District d : Districts.ALL) {
            assertTrue(Provinces.named(d.province()).isPresent(), d.toString());
            if (d.code() != null) {
                assertEquals(d.province(), Provinces.ofCode(d.code()).orElseThrow().name(), d.toString());
            }
        }
        assertEquals(List.of(), Districts.in("세종"), "세종 has no 시·군·구");
        assertEquals(25, Districts.in("서울").size());
    }

    @Test
    void everyDistrictCodeInTheShippedRecordsIsKnown() {
        Set<String> unknown = new TreeSet<>();
        for (Policy policy : Corpus.shipped()) {
            policy.districts().stream()
                    .filter(code -> !code.startsWith("36")) // 세종 is one city without districts
                    .filter(code -> Districts.ofCode(code).isEmpty())
                    .forEach(unknown::add);
        }
        assertEquals(Set.of(), unknown);
        assertEquals("수원시", Districts.ofCode("41111").orElseThrow().name(), "a 일반구 code gives its city");
        assertEquals("마포구", Districts.ofCode("11440").orElseThrow().name());
    }

    @Test
    void namesSharedByProvincesAreReportedAsSuch() {
        assertEquals(Set.of("서울"), Districts.provincesOf("마포구"));
        assertEquals(Set.of("서울", "부산", "대구", "인천", "대전", "울산"), Districts.provincesOf("중구"));
        assertEquals(Set.of("강원", "경남"), Districts.provincesOf("고성군"));
        assertEquals(Set.of(), Districts.provincesOf("마포"));
        assertEquals(List.of(), Districts.in("뉴욕"));
    }
}
