package cn.hanzhong.rectification.platform.testing;

import io.restassured.RestAssured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The document the running service serves at {@code /q/openapi}, kept under {@code target/openapi/} for
 * the public linters that {@code deploy/lint-openapi} runs after the build (the live document, filters
 * applied, not a build-time copy).
 */
public final class LiveOpenApi {

    public static final Path FILE = Path.of("target", "openapi", "openapi.json");

    private LiveOpenApi() {
    }

    /** Fetches the live document and writes it to {@link #FILE}; returns it. */
    public static String save() {
        String doc = RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, doc, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return doc;
    }
}
