package cn.hanzhong.rectification.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** One person (token {@code sub}) has read one notice. */
@Entity
@Table(name = "notification_read")
@IdClass(NotificationRead.Key.class)
public class NotificationRead {

    /** The composite key. */
    public static class Key implements Serializable {
        public String subject;
        public Long notificationId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(subject, k.subject)
                    && Objects.equals(notificationId, k.notificationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(subject, notificationId);
        }
    }

    @Id
    public String subject;

    @Id
    @Column(name = "notification_id")
    public Long notificationId;

    @Column(name = "read_at", nullable = false)
    public OffsetDateTime readAt;
}
