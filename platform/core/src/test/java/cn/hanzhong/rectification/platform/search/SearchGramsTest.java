package cn.hanzhong.rectification.platform.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchGramsTest {

    @Test
    void chineseTextYieldsAdjacentPairs() {
        assertEquals(Set.of("扬尘", "尘污", "污染"), SearchGrams.bigrams("扬尘污染"));
    }

    @Test
    void pairsNeverSpanWhitespaceAndAreLowerCase() {
        assertEquals(Set.of("fk", "k-", "-0", "01", "扬尘"), SearchGrams.bigrams("FK-01 扬尘"));
    }

    @Test
    void aTwoCharacterQueryIsOneGramContainedInTheText() {
        List<String> text = SearchGrams.of("FK-03", "中心城区建筑工地扬尘管控不到位", null);
        assertTrue(text.containsAll(SearchGrams.bigrams("扬尘")));
        assertTrue(text.containsAll(SearchGrams.bigrams("工地扬尘")));
    }

    @Test
    void aOneCharacterQueryLooksUpItsCharacterWhichTheTextKeepsToo() {
        List<String> text = SearchGrams.of("FK-03", "尾矿库镉超标", null);
        assertTrue(text.contains("镉"));
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        String sql = SearchGrams.condition("镉", "i.search_grams", List.of("i.title"), params);
        assertEquals("i.search_grams @> cast(:grams as text[]) and (i.title ilike :like escape '\\')", sql);
        assertEquals("{\"镉\"}", params.get("grams"));
        assertEquals("%镉%", params.get("like"));
    }

    @Test
    void overTheGramSourcesATermOfOneOrTwoCharactersIsDecidedByTheGramsAlone() {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        assertEquals("i.search_grams @> cast(:grams as text[])",
                SearchGrams.conditionOverSources("扬尘", "i.search_grams", List.of("i.title", "i.description"), params));
        assertEquals("{\"扬尘\"}", params.get("grams"));
        assertEquals(null, params.get("like"), "no text is read again");
        params.clear();
        SearchGrams.conditionOverSources("FK", "i.search_grams", List.of("i.code"), params);
        assertEquals("{\"fk\"}", params.get("grams"), "the grams are lower-case, as ILIKE ignores case");
        assertTrue(SearchGrams.of("FK-03").contains("fk"));
        // Longer terms and terms with a space still check the text: their grams may be spread over it.
        params.clear();
        assertEquals(SearchGrams.condition("扬尘污染", "i.search_grams", List.of("i.title"), new java.util.HashMap<>()),
                SearchGrams.conditionOverSources("扬尘污染", "i.search_grams", List.of("i.title"), params));
        assertEquals("%扬尘污染%", params.get("like"));
        params.clear();
        SearchGrams.conditionOverSources("扬 尘", "i.search_grams", List.of("i.title"), params);
        assertEquals("%扬 尘%", params.get("like"));
    }
}
