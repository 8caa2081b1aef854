package cn.hanzhong.rectification.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks a service's AsyncAPI 3.0 document ({@code src/main/resources/META-INF/asyncapi.yaml}) against the
 * event contract fixtures under {@code deploy/contracts/events} whose {@code source} is the service:
 * every fixture validates against the payload schema of the message of its type, and every message of
 * the document has a fixture. (The producers' EventContractTest ties the fixtures to the payload records.)
 */
public final class AsyncApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private AsyncApiContract() {
    }

    public static void check(String source) throws IOException {
        JsonNode doc = YAML.readTree(new File("src/main/resources/META-INF/asyncapi.yaml"));
        assertEquals("3.0.0", doc.path("asyncapi").asText(), "an AsyncAPI 3.0 document");
        Map<String, JsonNode> fixtures = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("..", "deploy", "contracts", "events"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode e = JSON.readTree(f.toFile());
                if (source.equals(e.path("source").asText())) {
                    fixtures.putIfAbsent(e.path("type").asText(), e);
                }
            }
        }
        Set<String> messages = new TreeSet<>();
        doc.path("components").path("messages").fieldNames().forEachRemaining(messages::add);
        assertEquals(fixtures.keySet(), messages, "every fixture of " + source + " has a message, every message a fixture");
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, JsonNode> f : fixtures.entrySet()) {
            // The document's components as the root, so that its #/components/... references resolve.
            ObjectNode root = JSON.createObjectNode();
            root.set("components", doc.path("components").deepCopy());
            root.put("$ref", "#/components/messages/" + f.getKey() + "/payload");
            JsonSchema schema = factory.getSchema(root);
            Set<ValidationMessage> errors = schema.validate(f.getValue());
            errors.forEach(m -> failures.add(f.getKey() + ": " + m.getMessage()));
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
