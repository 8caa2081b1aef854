package cn.hanzhong.rectification.platform.idempotency;

import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Idempotency-Key: a retry is replayed, a reused key with another body is 422, concurrent retries create once. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class IdempotencyTest {

    @Inject
    EntityManager em;

    private static Response post(String token, String key, String name) {
        var spec = given().auth().oauth2(token).contentType("application/json").body("{\"name\": \"" + name + "\"}");
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return spec.post("/test/things");
    }

    private long things(String name) {
        return ((Number) em.createNativeQuery("select count(*) from test_thing where name = :n").setParameter("n", name)
                .getSingleResult()).longValue();
    }

    @Test
    void aRetryIsReplayedAndAReusedKeyWithAnotherBodyIsRefused() {
        String office = TestTokens.office();
        String key = UUID.randomUUID().toString();
        String name = "idem-" + key;
        Response first = post(office, key, name);
        first.then().statusCode(201);
        Response retry = post(office, key, name);
        retry.then().statusCode(201).header("Idempotency-Replayed", "true")
                .header("Location", first.header("Location")).body("id", equalTo(first.<Integer>path("id")));
        assertEquals(first.asString(), retry.asString(), "the same body");
        assertEquals(1, things(name), "created once");

        post(office, key, name + "-other").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:hanzhong-rectification:problem:idempotency-key-reused"));
        // Another caller's key is its own: the same key with its own request is not a reuse.
        post(TestTokens.builder().roles("office").subject("another-office-user").sign(), key, name + "-b").then().statusCode(201)
                .header("Idempotency-Replayed", (String) null);
        assertEquals(1, things(name + "-b"));

        post(office, "x".repeat(256), name).then().statusCode(400).body("violations[0].field", equalTo("Idempotency-Key"));
        post(office, "with space", name).then().statusCode(400);

        // A refusal is kept too: the retry gets the same 409.
        String rejectKey = UUID.randomUUID().toString();
        post(office, rejectKey, "reject-" + rejectKey).then().statusCode(409);
        post(office, rejectKey, "reject-" + rejectKey).then().statusCode(409).header("Idempotency-Replayed", "true");
    }

    private void setClaim(String key, String state, boolean committed, String age) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> assertEquals(1, em.createNativeQuery(
                        "update platform_idempotency set state = :s, committed = :c, created_at = now() - cast(:age as interval) "
                                + "where idem_key = :k")
                .setParameter("s", state).setParameter("c", committed).setParameter("age", age).setParameter("k", key)
                .executeUpdate()));
    }

    private boolean committed(String key) {
        return (Boolean) em.createNativeQuery("select committed from platform_idempotency where idem_key = :k")
                .setParameter("k", key).getSingleResult();
    }

    @Test
    void aClaimLeftByAStoppedInstanceIsRetakenOnlyWhenNothingOfItCommitted() {
        String office = TestTokens.office();
        // The work's transaction marks its claim committed; a refused request's rolled-back transaction does not.
        String key = UUID.randomUUID().toString();
        String name = "idem-lease-" + key;
        post(office, key, name).then().statusCode(201);
        assertTrue(committed(key), "marked in the work's own transaction");
        String rejectKey = UUID.randomUUID().toString();
        post(office, rejectKey, "reject-" + rejectKey).then().statusCode(409);
        assertEquals(false, committed(rejectKey), "a rolled-back transaction marks nothing");

        // An instance stopped after the commit, before it kept its answer: within the lease the retry is told to wait,
        // after it the retry is refused as orphaned — never a second effect.
        setClaim(key, "IN_PROGRESS", true, "1 second");
        post(office, key, name).then().statusCode(409).header("Retry-After", "1")
                .body("type", equalTo("urn:hanzhong-rectification:problem:idempotency-key-in-use"));
        setClaim(key, "IN_PROGRESS", true, "6 minutes");
        post(office, key, name).then().statusCode(409).header("Retry-After", (String) null).contentType("application/problem+json")
                .body("type", equalTo("urn:hanzhong-rectification:problem:idempotency-key-orphaned"));
        assertEquals(1, things(name), "done once");

        // An instance stopped before anything committed: after the lease the retry runs it again (a fresh answer, not
        // the kept one).
        String lostKey = UUID.randomUUID().toString();
        String lostName = "reject-lost-" + lostKey;
        post(office, lostKey, lostName).then().statusCode(409);
        setClaim(lostKey, "IN_PROGRESS", false, "1 second");
        post(office, lostKey, lostName).then().statusCode(409).header("Retry-After", "1");
        setClaim(lostKey, "IN_PROGRESS", false, "6 minutes");
        post(office, lostKey, lostName).then().statusCode(409).header("Idempotency-Replayed", (String) null)
                .body("type", equalTo("urn:hanzhong-rectification:problem:conflict"));
    }

    @Test
    void concurrentRetriesCreateOnce() throws Exception {
        String office = TestTokens.office();
        String key = UUID.randomUUID().toString();
        String name = "idem-concurrent-" + key;
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return post(office, key, name);
            }));
        }
        go.countDown();
        Set<Integer> statuses = calls.stream().map(CompletableFuture::join).map(Response::statusCode).collect(Collectors.toSet());
        assertTrue(Set.of(201, 409).containsAll(statuses), "created or told to retry: " + statuses);
        Set<Integer> ids = calls.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 201)
                .map(r -> r.<Integer>path("id")).collect(Collectors.toSet());
        assertEquals(1, ids.size(), "every success names the same thing");
        assertEquals(1, things(name));
        post(office, key, name).then().statusCode(201).body("id", equalTo(ids.iterator().next()));
    }
}
