package cn.hanzhong.rectification.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Drives every operation of the service's own OpenAPI document with malformed input — odd path
 * values, bad query and header values, broken and wrongly typed bodies, oversized strings and
 * arrays, NUL characters, deep nesting — and collects every answer of 500 or above. A client's
 * mistake must never be a server error.
 */
public final class OpenApiFuzz {

    /** What a run did. */
    public record Result(int operations, int requests, List<String> serverErrors) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Path segments as a client might send them, already percent-encoded where needed. */
    private static final List<String> PATH_VALUES = List.of("%7B%7D", "%22", "'", "%20", "a%00b", "..%2F..", "x".repeat(300),
            "-1", "0", "1e309", "99999999999999999999", "%E4%B8%AD%E6%96%87", "null", "00000000-0000-0000-0000-00000000000g");
    private static final List<String> QUERY_VALUES = List.of("", " ", "{}", "'", "\"", "\u0000", "a\u0000b", "-1", "0",
            "99999999999999999999", "1e309", "NaN", "2021-13-45", "2021-02-30", "x".repeat(5000), "中文", "null", "true,false",
            ",,,", "%", "_", "\\", "{{", "../..", "00000000-0000-0000-0000-000000000000", "id,sideways", "title,asc,desc");
    private static final List<String> HEADER_VALUES = List.of("", "x", "\"x\"", "W/\"1\"", "*", "-1", "\"99999999999999999999\"",
            "1,2", "x".repeat(2000));
    private static final List<String> RAW_BODIES = List.of("", "{", "[", "{\"a\":", "null", "[]", "\"x\"", "1", "true",
            "{\"a\":\"\\u0000\"}", "\u0000", "{}}", "[".repeat(3000) + "]".repeat(3000));

    private final JsonNode document;
    private final String token;
    private final List<String> skip;
    private int requests;
    private int operations;
    private final List<String> serverErrors = new ArrayList<>();

    private OpenApiFuzz(JsonNode document, String token, List<String> skip) {
        this.document = document;
        this.token = token;
        this.skip = skip;
    }

    /**
     * Fuzzes every operation of the service under test (RestAssured's port) with {@code token} on the
     * protected ones; {@code skip} lists "METHOD /path" keys not to drive (a stream that never ends).
     */
    public static Result run(String token, List<String> skip) {
        String doc = RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        try {
            OpenApiFuzz fuzz = new OpenApiFuzz(JSON.readTree(doc), token, skip);
            fuzz.all();
            return new Result(fuzz.operations, fuzz.requests, List.copyOf(fuzz.serverErrors));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The OpenAPI document is not JSON", e);
        }
    }

    private void all() {
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)
                        || skip.contains(method + " " + path.getKey())) {
                    continue;
                }
                operations++;
                operation(method, path.getKey(), op.getValue(), path.getValue().path("parameters"));
            }
        }
    }

    private void operation(String method, String path, JsonNode op, JsonNode shared) {
        List<JsonNode> params = new ArrayList<>();
        shared.forEach(params::add);
        op.path("parameters").forEach(params::add);
        Map<String, String> pathDefaults = new LinkedHashMap<>();
        for (JsonNode p : params) {
            if (p.path("in").asText().equals("path")) {
                pathDefaults.put(p.path("name").asText(), plausible(resolve(p.path("schema"))));
            }
        }
        boolean open = path.startsWith("/api/v1/public/");
        // Each path parameter in turn takes each odd value, the others a plausible one.
        for (String name : pathDefaults.keySet()) {
            for (String v : PATH_VALUES) {
                Map<String, String> values = new LinkedHashMap<>(pathDefaults);
                values.put(name, v);
                send(method, path, expand(path, values), open, spec -> { }, "path " + name + "=" + v);
            }
        }
        String target = expand(path, pathDefaults);
        for (JsonNode p : params) {
            String in = p.path("in").asText();
            String name = p.path("name").asText();
            if (in.equals("query")) {
                for (String v : QUERY_VALUES) {
                    send(method, path, target + "?" + name + "=" + encode(v), open, spec -> { }, "query " + name + "=" + abbreviate(v));
                }
                send(method, path, target + "?" + name + "=a&" + name + "=b&" + name + "=", open, spec -> { }, "query " + name + " repeated");
            } else if (in.equals("header")) {
                for (String v : HEADER_VALUES) {
                    send(method, path, target, open, spec -> spec.header(name, v), "header " + name + "=" + abbreviate(v));
                }
            }
        }
        JsonNode content = op.path("requestBody").path("content");
        Iterator<Map.Entry<String, JsonNode>> types = content.fields();
        while (types.hasNext()) {
            Map.Entry<String, JsonNode> type = types.next();
            String mediaType = type.getKey();
            List<String> bodies = new ArrayList<>(RAW_BODIES);
            if (mediaType.contains("json")) {
                JsonNode schema = resolve(type.getValue().path("schema"));
                bodies.add(wrongTypes(schema).toString());
                bodies.add(extremes(schema, "\u0000").toString());
                bodies.add(extremes(schema, "x".repeat(100_000)).toString());
                bodies.add(bigArrays(schema).toString());
            } else {
                bodies.add("受理编号,受理时间\n\u0000,2021-13-45\n");
                bodies.add("PK\u0003\u0004garbage");
            }
            for (String body : bodies) {
                send(method, path, target, open, spec -> spec.contentType(mediaType).body(body),
                        "body " + mediaType + " " + abbreviate(body));
            }
        }
    }

    private void send(String method, String template, String path, boolean open, Consumer<RequestSpecification> with, String what) {
        RequestSpecification spec = RestAssured.given().urlEncodingEnabled(false)
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                // Malformed on purpose: the contract check looks at the answer only.
                .header(OpenApiContract.RESPONSE_ONLY, "response-only");
        if (!open && token != null) {
            spec.auth().oauth2(token);
        }
        with.accept(spec);
        requests++;
        Response r;
        try {
            r = spec.request(method, path);
        } catch (RuntimeException e) {
            // The server closing the connection on a hostile request is an answer too, not a 5xx.
            return;
        }
        if (r.statusCode() >= 500) {
            serverErrors.add(method + " " + template + " [" + what + "] -> " + r.statusCode() + " " + abbreviate(r.asString()));
        }
    }

    private static String encode(String v) {
        return java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String expand(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }

    /** A value the parameter accepts, so that the other parameters' oddities are what is tested. */
    private static String plausible(JsonNode schema) {
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        if (format.equals("uuid")) {
            return UUID.randomUUID().toString();
        }
        if (type.equals("integer") || type.equals("number")) {
            return "987654";
        }
        return "NO-SUCH-" + Long.toHexString(System.nanoTime()).toUpperCase();
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asText();
            s = document.at(ref.substring(1));
        }
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            return resolve(s.get("allOf").get(0));
        }
        return s;
    }

    /** Every property with a value of the wrong JSON type. */
    private JsonNode wrongTypes(JsonNode schema) {
        ObjectNode body = NODES.objectNode();
        schema.path("properties").fields().forEachRemaining(p -> {
            String type = resolve(p.getValue()).path("type").asText();
            switch (type) {
                case "string" -> body.put(p.getKey(), 12345);
                case "integer", "number" -> body.put(p.getKey(), "many");
                case "boolean" -> body.put(p.getKey(), "perhaps");
                case "array" -> body.put(p.getKey(), "not-a-list");
                default -> body.put(p.getKey(), true);
            }
        });
        return body;
    }

    /** Every string (also in nested objects and arrays) set to {@code text}; numbers at their extremes. */
    private JsonNode extremes(JsonNode schema, String text) {
        return fill(schema, text, 0);
    }

    private JsonNode fill(JsonNode schema, String text, int depth) {
        JsonNode s = resolve(schema);
        String type = s.path("type").asText(s.has("properties") ? "object" : "");
        if (depth > 4) {
            return NODES.nullNode();
        }
        return switch (type) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                s.path("properties").fields().forEachRemaining(p -> o.set(p.getKey(), fill(p.getValue(), text, depth + 1)));
                yield o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                a.add(fill(s.path("items"), text, depth + 1));
                yield a;
            }
            case "integer" -> NODES.numberNode(Long.MAX_VALUE);
            case "number" -> NODES.numberNode(new java.math.BigDecimal("1e400"));
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode(text);
        };
    }

    /** Every array property with 70 000 elements (more than a SQL statement may bind). */
    private JsonNode bigArrays(JsonNode schema) {
        ObjectNode body = NODES.objectNode();
        schema.path("properties").fields().forEachRemaining(p -> {
            JsonNode s = resolve(p.getValue());
            if (s.path("type").asText().equals("array")) {
                ArrayNode a = NODES.arrayNode();
                String item = resolve(s.path("items")).path("format").asText().equals("uuid") ? UUID.randomUUID().toString() : "X";
                for (int i = 0; i < 70_000; i++) {
                    a.add(item);
                }
                body.set(p.getKey(), a);
            }
        });
        return body;
    }

    private static String abbreviate(String s) {
        String one = s.replace("\n", "\\n").replace("\u0000", "\\0");
        return one.length() > 120 ? one.substring(0, 120) + "…(" + one.length() + ")" : one;
    }
}
