package cn.hanzhong.rectification.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A notice in a recipient's inbox (a unit code, or the role office/discipline/leader). */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NoticeKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "item_kind", nullable = false)
    public ItemKind itemKind;

    @Column(name = "item_id", nullable = false)
    public UUID itemId;

    @Column(name = "item_code", nullable = false)
    public String itemCode;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    public LocalDate deadline;

    @Column(name = "deadline_provisional")
    public boolean deadlineProvisional;

    @Column(name = "dedup_key", nullable = false, unique = true)
    public String dedupKey;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** Working days before the deadline (reminders) or days overdue (escalations); null otherwise. */
    public Integer stage;

    /** Free text from the event (a reason), pseudonymised; kept apart from {@link #body}. */
    public String detail;

    /** The stable code: the kind with its stage, e.g. {@code REMINDER_3}. */
    public String code() {
        return kind.code(stage);
    }
}
