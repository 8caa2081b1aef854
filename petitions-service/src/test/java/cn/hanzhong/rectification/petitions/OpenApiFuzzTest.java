package cn.hanzhong.rectification.petitions;

import cn.hanzhong.rectification.petitions.ReporterKeyResource;
import cn.hanzhong.rectification.platform.testing.OpenApiFuzz;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every operation of this service's OpenAPI document, driven with malformed input: never a 5xx. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(ReporterKeyResource.class)
class OpenApiFuzzTest {

    @Test
    void noMalformedRequestIsAServerError() {
        // As the office (every operation reaches its logic) and as a unit (the narrowed paths).
        for (String token : List.of(TestTokens.office(), TestTokens.unit("HTQ"))) {
            OpenApiFuzz.Result result = OpenApiFuzz.run(token, List.of());
            System.out.printf("OpenAPI fuzz of petitions-service: %d operations, %d requests, %d answered 5xx%n",
                    result.operations(), result.requests(), result.serverErrors().size());
            assertTrue(result.operations() > 5 && result.requests() > 500, result.toString());
            assertEquals(List.of(), result.serverErrors(), String.join("\n", result.serverErrors()));
        }
    }

    @Test
    void liveDocumentIsKeptForTheLinters() {
        String doc = cn.hanzhong.rectification.platform.testing.LiveOpenApi.save();
        assertTrue(doc.contains("\"openapi\"") && doc.contains("\"operationId\""), "an OpenAPI document with operation ids");
    }
}
