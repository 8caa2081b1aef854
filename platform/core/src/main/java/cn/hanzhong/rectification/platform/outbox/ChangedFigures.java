package cn.hanzhong.rectification.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes a periodic figures event only when the figures changed since this instance last published
 * them (compared by the SHA-256 of their JSON without the instant they were taken). Remembered in memory
 * once the transaction commits: a restart, or a second instance, publishes the same figures once more,
 * which a consumer that keeps the latest figures takes without effect.
 */
@ApplicationScoped
public class ChangedFigures {

    private final Outbox outbox;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final Map<String, String> lastPublished = new ConcurrentHashMap<>();

    public ChangedFigures(Outbox outbox, ObjectMapper json, TransactionSynchronizationRegistry transactions) {
        this.outbox = outbox;
        this.json = json;
        this.transactions = transactions;
    }

    /**
     * Publishes {@code payload} as {@code type} unless {@code comparable} (the payload without its
     * instant) equals what was last published for {@code type}; whether it published.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean publishIfChanged(String topic, String type, String subject, Object payload, Object comparable) {
        String hash = sha256(comparable);
        if (hash.equals(lastPublished.get(type))) {
            return false;
        }
        outbox.publish(topic, type, subject, payload);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    lastPublished.put(type, hash);
                }
            }
        });
        return true;
    }

    /** Forgets what was published, so the next call publishes (the figures are asked for again). */
    public void forget(String type) {
        lastPublished.remove(type);
    }

    private String sha256(Object value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(value).getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the figures", e);
        }
    }
}
