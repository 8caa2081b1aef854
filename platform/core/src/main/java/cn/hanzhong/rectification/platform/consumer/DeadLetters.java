package cn.hanzhong.rectification.platform.consumer;

import cn.hanzhong.rectification.platform.kafka.KafkaClients;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes records that can never be applied to {@code <topic>.dlq}, durably ({@code acks=all},
 * idempotent), with the original headers and these: {@value #REASON}, {@value #CONSUMER} (the consumer
 * group that gave up), {@value #TOPIC}, {@value #PARTITION}, {@value #OFFSET}, {@value #REDRIVES}.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String SUFFIX = ".dlq";
    public static final String REASON = "dead-letter-reason";
    public static final String CONSUMER = "dead-letter-consumer";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String REDRIVES = "dead-letter-redrives";

    /** A record to dead-letter: where it was read, the topic it belongs to, and why it failed. */
    public record Letter(ConsumerRecord<String, String> record, String topic, String reason, int redrives) {
    }

    private final Properties settings;
    private final ConsumerConfig config;
    private volatile KafkaProducer<String, String> producer;

    public DeadLetters(KafkaClients kafka, ConsumerConfig config,
                       @ConfigProperty(name = "quarkus.application.name") String app) {
        this.config = config;
        this.settings = kafka.producer(config.group().orElse(app) + "-dlq", config.sendTimeout());
    }

    /** Makes the bean (and so its producer's durable settings) exist before the first dead letter. */
    void prepare() {
        // nothing more: constructing this bean defines the settings
    }

    /**
     * Sends the letters and waits until the broker acknowledged each.
     *
     * @throws IllegalStateException wrapping a Kafka failure when the broker did not acknowledge (transient)
     */
    public void send(String group, List<Letter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (Letter l : letters) {
            ProducerRecord<String, String> out = new ProducerRecord<>(l.topic() + SUFFIX, l.record().key(), l.record().value());
            for (Header h : l.record().headers()) {
                if (!h.key().startsWith("dead-letter-")) {
                    out.headers().add(h);
                }
            }
            out.headers().add(REASON, bytes(l.reason()))
                    .add(CONSUMER, bytes(group))
                    .add(TOPIC, bytes(l.topic()))
                    .add(PARTITION, bytes(Integer.toString(l.record().partition())))
                    .add(OFFSET, bytes(Long.toString(l.record().offset())))
                    .add(REDRIVES, bytes(Integer.toString(l.redrives())));
            acks.add(producer().send(out));
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new DeadLetterNotAcknowledged(e.getCause() != null ? e.getCause() : e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeadLetterNotAcknowledged(e);
            }
        }
    }

    /** The broker did not take a dead letter: nothing is committed past the record, it is tried again. */
    public static final class DeadLetterNotAcknowledged extends RuntimeException {
        DeadLetterNotAcknowledged(Throwable cause) {
            super("The dead-letter topic did not acknowledge: " + cause.getMessage(), cause);
        }
    }

    static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return (s == null ? "" : s.length() > 2000 ? s.substring(0, 2000) : s).getBytes(StandardCharsets.UTF_8);
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(settings);
                }
            }
        }
        return producer;
    }

    void stop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
