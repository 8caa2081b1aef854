package cn.hanzhong.rectification.issues.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.OffsetDateTime;

/** The ledger of one month, frozen: its content as canonical JSON, that content's hash and the previous one's. */
@Entity
@Table(name = "ledger_snapshot")
@Immutable
public class LedgerSnapshot {

    /** {@code YYYY-MM}. */
    @Id
    public String period;

    @Column(name = "taken_at", nullable = false)
    public OffsetDateTime takenAt;

    @Column(name = "taken_by", nullable = false)
    public String takenBy;

    @Column(name = "issue_count", nullable = false)
    public int issueCount;

    @Column(nullable = false)
    public String content;

    @Column(name = "content_sha256", nullable = false)
    public String sha256;

    @Column(name = "previous_sha256")
    public String previousSha256;
}
