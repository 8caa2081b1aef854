package cn.hanzhong.rectification.issues.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One submission of a plan, with its file (in the object store under its SHA-256) and the office's decision. */
@Entity
@Table(name = "implementation_plan_submission")
public class PlanSubmission {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    public int seq;

    @Column(nullable = false)
    public String title;

    @Column(name = "document_number")
    public String documentNumber;

    @Column(name = "public_url")
    public String publicUrl;

    @Column(name = "file_sha256", nullable = false)
    public String fileSha256;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "file_media_type", nullable = false)
    public String fileMediaType;

    @Column(name = "file_size", nullable = false)
    public long fileSize;

    @Column(name = "submitted_on", nullable = false)
    public LocalDate submittedOn;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public OffsetDateTime submittedAt;

    /** ACCEPT or RETURN, once decided. */
    public String decision;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
}
