package cn.hanzhong.rectification.platform.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place Kafka client settings are made. Every producer of every service (the outbox relay,
 * the dead-letter producer) is durable: {@code acks=all} and idempotence on; the effective settings of
 * each producer are kept so a test can assert them.
 */
@ApplicationScoped
public class KafkaClients {

    private final String bootstrapServers;
    private final Map<String, String> security = new TreeMap<>();
    private final Map<String, Map<String, Object>> producers = new ConcurrentHashMap<>();

    /**
     * The broker and, for a secured cluster (Strimzi with SCRAM over TLS, see deploy/k8s), how to reach it:
     * {@code kafka.security.protocol} (e.g. SASL_SSL), {@code kafka.sasl.mechanism}, {@code kafka.sasl.jaas.config}
     * and the truststore ({@code kafka.ssl.truststore.*}, PEM allowed); none of them set: plaintext, as locally.
     */
    public KafkaClients(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                        @ConfigProperty(name = "kafka.security.protocol") Optional<String> securityProtocol,
                        @ConfigProperty(name = "kafka.sasl.mechanism") Optional<String> saslMechanism,
                        @ConfigProperty(name = "kafka.sasl.jaas.config") Optional<String> saslJaasConfig,
                        @ConfigProperty(name = "kafka.ssl.truststore.type") Optional<String> truststoreType,
                        @ConfigProperty(name = "kafka.ssl.truststore.location") Optional<String> truststoreLocation,
                        @ConfigProperty(name = "kafka.ssl.truststore.password") Optional<String> truststorePassword) {
        this.bootstrapServers = bootstrapServers;
        securityProtocol.ifPresent(v -> security.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, v));
        saslMechanism.ifPresent(v -> security.put(SaslConfigs.SASL_MECHANISM, v));
        saslJaasConfig.ifPresent(v -> security.put(SaslConfigs.SASL_JAAS_CONFIG, v));
        truststoreType.ifPresent(v -> security.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, v));
        truststoreLocation.ifPresent(v -> security.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, v));
        truststorePassword.ifPresent(v -> security.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, v));
    }

    /** The settings every client needs: the broker and its security (for admin clients too). */
    public Map<String, Object> common() {
        Map<String, Object> p = new java.util.HashMap<>(security);
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return p;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Settings of a durable String producer named {@code clientId}; {@code sendTimeout} bounds blocking and delivery. */
    public Properties producer(String clientId, Duration sendTimeout) {
        Properties p = new Properties();
        p.putAll(common());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Math.min(sendTimeout.toMillis(), 10_000));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis());
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(sendTimeout.toMillis(), 10_000));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // What the client will really run with, defaults included.
        producers.put(clientId, Collections.unmodifiableMap(new TreeMap<>(new ProducerConfig(p).values())));
        return p;
    }

    /** Settings of a String consumer in {@code group} that commits by hand, from the earliest offset when new. */
    public Properties consumer(String group, String clientId, int maxPollRecords) {
        Properties p = new Properties();
        p.putAll(common());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }

    /** The effective settings of every producer this application defined, by client id. */
    public Map<String, Map<String, Object>> producers() {
        return Map.copyOf(producers);
    }
}
