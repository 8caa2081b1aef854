package cn.hanzhong.rectification.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Publishes a periodic figures event only when the figures changed since they were last published by any
 * instance of the service (compared by the SHA-256 of their JSON without the instant they were taken, kept
 * in {@code platform_published_figures} and read under its row lock, so two instances checking at the same
 * moment publish once between them). Unchanged figures are published again after {@link #REFRESH}, so a
 * consumer that lost them (a restored database) has them back within a day.
 */
@ApplicationScoped
public class ChangedFigures {

    /** Unchanged figures are published again after this long. */
    public static final Duration REFRESH = Duration.ofHours(24);

    private final Outbox outbox;
    private final ObjectMapper json;
    private final EntityManager em;

    public ChangedFigures(Outbox outbox, ObjectMapper json, EntityManager em) {
        this.outbox = outbox;
        this.json = json;
        this.em = em;
    }

    /**
     * Publishes {@code payload} as {@code type} unless {@code comparable} (the payload without its
     * instant) equals what was last published for {@code type} less than {@link #REFRESH} ago; whether it
     * published. The check and the publication commit together.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean publishIfChanged(String topic, String type, String subject, Object payload, Object comparable) {
        String hash = sha256(comparable);
        em.createNativeQuery("""
                insert into platform_published_figures (type, sha256, published_at) values (:type, '', '-infinity')
                on conflict (type) do nothing""").setParameter("type", type).executeUpdate();
        Object[] last = (Object[]) em.createNativeQuery("""
                select sha256, published_at > now() - make_interval(secs => :refresh)
                from platform_published_figures where type = :type for update""")
                .setParameter("type", type).setParameter("refresh", (double) REFRESH.toSeconds()).getSingleResult();
        if (hash.equals(last[0]) && Boolean.TRUE.equals(last[1])) {
            return false;
        }
        outbox.publish(topic, type, subject, payload);
        em.createNativeQuery("update platform_published_figures set sha256 = :hash, published_at = now() where type = :type")
                .setParameter("hash", hash).setParameter("type", type).executeUpdate();
        return true;
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
