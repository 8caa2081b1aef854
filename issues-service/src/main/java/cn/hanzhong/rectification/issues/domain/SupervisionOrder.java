package cn.hanzhong.rectification.issues.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A supervision order (督办单) to the lead unit of one or more lagging issues. */
@Entity
@Table(name = "supervision_order")
public class SupervisionOrder {

    @Id
    public UUID id;

    /** 文号, e.g. 汉整改督〔2026〕12号. */
    @Column(nullable = false, unique = true)
    public String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SupervisionLevel level;

    /** The unit addressed: the lead unit of the issues concerned. */
    @Column(nullable = false)
    public String unit;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "issue_ids", nullable = false)
    public List<UUID> issueIds = new ArrayList<>();

    @Column(nullable = false)
    public String problem;

    @Column(nullable = false)
    public String requirements;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;

    public String response;

    @Column(name = "responded_at")
    public OffsetDateTime respondedAt;

    @Column(name = "return_count", nullable = false)
    public int returnCount;

    @Column(name = "closing_opinion")
    public String closingOpinion;

    /** The due date an overdue event was published for (once per due date). */
    @Column(name = "overdue_notified_for")
    public LocalDate overdueNotifiedFor;

    @Column(name = "issued_by", nullable = false)
    public String issuedBy;

    @Column(name = "issued_at", nullable = false)
    public OffsetDateTime issuedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;

    /** Past its due date without the response it waits for. */
    public boolean overdue(LocalDate today) {
        return status.awaitsResponse() && dueDate.isBefore(today);
    }
}
