package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.platform.testing.TestTokens;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.config.RestAssuredConfig;
import org.apache.http.entity.mime.HttpMultipartMode;
import io.restassured.response.ValidatableResponse;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static io.restassured.RestAssured.given;

/** Sample files of each kind a dossier meets, and the upload call. */
final class EvidenceApi {

    /** File names in UTF-8 as browsers send them (the default strict mode writes them as ASCII). */
    static final RestAssuredConfig BROWSER_LIKE = RestAssuredConfig.config()
            .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
            .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8));

    private EvidenceApi() {
    }

    /** The start of a JFIF photo and some bytes: what Tika reads as image/jpeg. */
    static byte[] jpeg(String seed) {
        byte[] head = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01, 0x01, 0x00,
                0x00, 0x01, 0x00, 0x01, 0x00, 0x00};
        byte[] tail = ("photo of the site " + seed).getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(head, head.length + tail.length + 2);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        all[all.length - 2] = (byte) 0xFF;
        all[all.length - 1] = (byte) 0xD9;
        return all;
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] docx(String text) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(text);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Windows executable's header (MZ … PE). */
    static byte[] exe() {
        byte[] b = new byte[512];
        b[0] = 'M';
        b[1] = 'Z';
        b[0x3c] = (byte) 0x80;
        b[0x80] = 'P';
        b[0x81] = 'E';
        return b;
    }

    static byte[] shellScript() {
        return "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8);
    }

    static ValidatableResponse upload(String token, String issueId, String name, byte[] content, String description) {
        var spec = given().auth().oauth2(token).config(BROWSER_LIKE)
                .multiPart(new MultiPartSpecBuilder(content).controlName("file").fileName(name)
                        .mimeType("application/octet-stream").build());
        if (description != null) {
            spec = spec.multiPart(new MultiPartSpecBuilder(description).controlName("description")
                    .charset(StandardCharsets.UTF_8).mimeType("text/plain").build());
        }
        return spec.post("/api/v1/issues/" + issueId + "/evidence").then();
    }

    static String officeToken() {
        return TestTokens.builder().roles("office").name("市整改办 李主任").sign();
    }

    static String unitToken(String code) {
        return TestTokens.builder().roles("unit").unit(code).name(code + " 联络员").sign();
    }
}
