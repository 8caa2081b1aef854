package cn.hanzhong.rectification.petitions.rest;

import cn.hanzhong.rectification.petitions.ReporterKeyResource;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import cn.hanzhong.rectification.platform.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The province's re-import cannot rewrite a case that is being handled, nor ever its reporter. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(ReporterKeyResource.class)
class ReimportTest {

    @Test
    void aReimportChangesOnlyReceivedCasesAndNeverTheReporter() {
        int batch = PetitionApi.nextBatch();
        String received = PetitionApi.caseNumber();
        String handled = PetitionApi.caseNumber();
        Map<String, Object> a = PetitionApi.aCase(received, "露天焚烧秸秆");
        Map<String, Object> b = PetitionApi.aCase(handled, "餐饮油烟扰民");
        PetitionApi.province().body(PetitionApi.batch(batch, List.of(a, b))).post("/api/v1/petition-batches")
                .then().statusCode(200).body("created", equalTo(2));
        String handledId = PetitionApi.office().queryParam("q", handled).get("/api/v1/petitions").then()
                .extract().path("items[0].id");
        PetitionApi.transition(PetitionApi.office(), handledId, Map.of("action", "ASSIGN", "leadUnit", PetitionApi.LEAD))
                .statusCode(200);

        // The same rows again: nothing to refuse, nothing changes.
        PetitionApi.province().body(PetitionApi.batch(batch, List.of(a, b))).post("/api/v1/petition-batches")
                .then().statusCode(200).body("unchanged", equalTo(2));

        Map<String, Object> rewritten = new HashMap<>(b);
        rewritten.put("content", "举报人张某反映：内容被改写");
        rewritten.put("reporter", Map.of("name", "张某", "phone", "13900001111"));
        Map<String, Object> newReporter = new HashMap<>(a);
        newReporter.put("reporter", Map.of("name", "赵某", "phone", "13700002222"));
        PetitionApi.province().body(PetitionApi.batch(batch, List.of(newReporter, rewritten))).post("/api/v1/petition-batches")
                .then().statusCode(200)
                .body("rejected", equalTo(2)).body("updated", equalTo(0))
                .body("rows[0].reasons.field", hasItem("reporter"))
                .body("rows[1].reasons.field", hasItem("caseNumber"))
                .body("rows[1].reasons.field", hasItem("reporter"));
        PetitionApi.office().get("/api/v1/petitions/" + handledId).then().statusCode(200)
                .body("content", equalTo("餐饮油烟扰民"))
                .body("status", equalTo("ASSIGNED"));
        PetitionApi.office().queryParam("size", 100).get("/api/v1/petitions/" + handledId + "/history").then()
                .body("items.action", not(hasItem("UPDATED_BY_IMPORT")));
    }

    @Test
    void aRowWithoutACaseNumberIsReportedAndSkippedNotAServerError() {
        Map<String, Object> good = PetitionApi.aCase(PetitionApi.caseNumber(), "噪声扰民");
        PetitionApi.province().header(OpenApiContract.RESPONSE_ONLY, "a row wrong on purpose")
                .body(PetitionApi.batch(PetitionApi.nextBatch(), List.of(Map.of(), good)))
                .post("/api/v1/petition-batches").then().statusCode(200)
                .body("rejected", equalTo(1)).body("created", equalTo(1))
                .body("rows[0].outcome", equalTo("REJECTED"))
                .body("rows[0].reasons.field", hasItem("caseNumber"));
        PetitionApi.province().header(OpenApiContract.RESPONSE_ONLY, "a row wrong on purpose")
                .body(PetitionApi.batch(PetitionApi.nextBatch(), List.of(Map.of())))
                .post("/api/v1/petition-batches").then().statusCode(200).body("rejected", equalTo(1));
    }
}
