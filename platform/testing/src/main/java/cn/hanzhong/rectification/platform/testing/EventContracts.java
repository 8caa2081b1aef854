package cn.hanzhong.rectification.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Compares a producer's payload record with the shared fixture under {@code deploy/contracts/events}
 * by shape: every field (nested objects as {@code a.b}) with its JSON type (string, number, boolean,
 * array, object, null). A renamed field, a dropped one, or a number that became a string fails.
 */
public final class EventContracts {

    /** Serialises as the services do: ISO-8601 dates, not timestamps. */
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private EventContracts() {
    }

    /** Fails unless {@code payload} has the shape of the {@code data} of fixture {@code file}. */
    public static void assertMatchesFixture(String file, Object payload) {
        assertEquals(fixtureShape(file), shape(JSON.valueToTree(payload)),
                "payload " + payload.getClass().getSimpleName() + " against fixture " + file);
    }

    /**
     * Fails unless the {@code data} of fixture {@code file} reads into {@code type} (no field the payload
     * lacks) and written back has the fixture's shape (no field the fixture lacks): for payloads whose
     * maps are keyed by data (counts by status, by unit), which a hand-built instance could not match.
     */
    public static void assertReadsAndWritesAs(String file, Class<?> type) {
        try {
            JsonNode data = JSON.readTree(Path.of("..", "deploy", "contracts", "events", file).toFile()).get("data");
            Object payload = JSON.treeToValue(data, type);
            assertEquals(shape(data), shape(JSON.valueToTree(payload)), "payload " + type.getSimpleName() + " against fixture " + file);
        } catch (java.io.IOException e) {
            throw new AssertionError("fixture " + file + " does not read as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public static Map<String, String> fixtureShape(String file) {
        try {
            return shape(JSON.readTree(Path.of("..", "deploy", "contracts", "events", file).toFile()).get("data"));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read fixture " + file, e);
        }
    }

    public static Map<String, String> shape(JsonNode node) {
        Map<String, String> shape = new TreeMap<>();
        collect("", node, shape);
        return shape;
    }

    private static void collect(String prefix, JsonNode node, Map<String, String> into) {
        node.fields().forEachRemaining(f -> {
            String name = prefix + f.getKey();
            JsonNode v = f.getValue();
            into.put(name, v.getNodeType().name().toLowerCase());
            if (v.isObject()) {
                collect(name + ".", v, into);
            }
        });
    }
}
