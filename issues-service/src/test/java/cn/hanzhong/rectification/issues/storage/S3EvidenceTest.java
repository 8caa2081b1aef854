package cn.hanzhong.rectification.issues.storage;

import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The S3 store against a real S3 protocol server: the object lands in the bucket under its hash and comes back the same. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(LocalS3.class)
class S3EvidenceTest {

    @Inject
    S3Client s3;

    @Test
    void evidenceGoesToTheBucketUnderItsHashAndComesBackByteIdentical() throws Exception {
        String office = TestTokens.builder().roles("office").name("市整改办").sign();
        String issue = given().auth().oauth2(office).contentType("application/json").body(Map.of(
                "source", "REPORT", "title", "S3 档案", "description", "d", "category", "WATER", "districts", List.of("HTQ"),
                "target", "t", "requirements", "r", "measures", List.of("m"), "approach", "TIME_BOUND"))
                .post("/api/v1/issues").then().statusCode(201).extract().path("id");
        byte[] pdf = ("%PDF-1.4\n% S3 evidence " + issue + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));

        String id = given().auth().oauth2(office)
                .multiPart(new MultiPartSpecBuilder(pdf).controlName("file").fileName("核查报告.pdf").mimeType("application/pdf").build())
                .post("/api/v1/issues/" + issue + "/evidence").then().statusCode(201)
                .body("sha256", equalTo(sha)).body("mediaType", equalTo("application/pdf")).extract().path("id");

        byte[] stored = s3.getObjectAsBytes(g -> g.bucket(LocalS3.BUCKET).key(ObjectStore.key(sha))).asByteArray();
        assertArrayEquals(pdf, stored);
        assertEquals("application/pdf", s3.headObject(h -> h.bucket(LocalS3.BUCKET).key(ObjectStore.key(sha))).contentType());

        byte[] back = given().auth().oauth2(office).get("/api/v1/issues/" + issue + "/evidence/" + id + "/content")
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(pdf, back);

        // The same bytes again: a second record, one object.
        given().auth().oauth2(office)
                .multiPart(new MultiPartSpecBuilder(pdf).controlName("file").fileName("副本.pdf").mimeType("application/pdf").build())
                .post("/api/v1/issues/" + issue + "/evidence").then().statusCode(201).body("sha256", equalTo(sha));
        assertEquals(1, s3.listObjectsV2(l -> l.bucket(LocalS3.BUCKET).prefix(ObjectStore.key(sha))).keyCount());
    }
}
