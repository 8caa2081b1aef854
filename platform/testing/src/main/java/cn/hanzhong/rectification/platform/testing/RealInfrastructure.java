package cn.hanzhong.rectification.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Starts what a service needs for a {@code @QuarkusTest}: a real PostgreSQL database, a real Kafka
 * broker and a JWT key pair, all on free ports, so tests pass even while {@code deploy/run} runs.
 *
 * <p>Use with {@code @WithTestResource(RealInfrastructure.class)}; test classes with the same
 * resources share one application. A {@link LocalKafka} field annotated {@link InjectKafka} receives
 * the broker, for tests that stop and restart it; a {@link DatabaseLink} field annotated
 * {@link InjectDatabaseLink} the link to the database, for tests that take it away.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private LocalPostgres postgres;
    private LocalKafka kafka;
    private DatabaseLink link;

    @Override
    public Map<String, String> start() {
        // PostgreSQL and Kafka take a few seconds each; start them side by side.
        CompletableFuture<LocalPostgres> pg = CompletableFuture.supplyAsync(LocalPostgres::startEphemeral);
        CompletableFuture<LocalKafka> broker = CompletableFuture.supplyAsync(LocalKafka::startEphemeral);
        JwtKeys keys = TestTokens.keys();
        postgres = pg.join();
        kafka = broker.join();
        postgres.ensureDatabase("app");
        // The application reaches PostgreSQL through a link a test may cut (the database "away").
        link = new DatabaseLink(postgres.port());

        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + link.port() + "/app");
        config.put("quarkus.datasource.username", LocalPostgres.USER);
        config.put("quarkus.datasource.password", LocalPostgres.USER);
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", keys.publicKeyFile().toUri().toString());
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(kafka,
                new TestInjector.AnnotatedAndMatchesType(InjectKafka.class, LocalKafka.class));
        testInjector.injectIntoFields(link,
                new TestInjector.AnnotatedAndMatchesType(InjectDatabaseLink.class, DatabaseLink.class));
    }

    @Override
    public void stop() {
        if (link != null) {
            link.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
