package cn.hanzhong.rectification.issues.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A file of an issue's dossier (一案一档). Its bytes are in the object store under {@link #sha256}; the
 * name it came with is kept for the download and never used as a path. A draft ({@code submittedAt}
 * null) may be deleted; a submitted file may not (the database refuses it too).
 */
@Entity
@Table(name = "evidence_file")
public class EvidenceFile {

    @Id
    public UUID id;

    @Column(name = "issue_id", nullable = false)
    public UUID issueId;

    @Enumerated(EnumType.STRING)
    @Column(name = "record_kind")
    public EvidenceRecord recordKind;

    @Column(name = "record_id")
    public String recordId;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(name = "original_name", nullable = false)
    public String originalName;

    public String description;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_unit")
    public String uploadedUnit;

    @Column(name = "uploaded_at", nullable = false)
    public OffsetDateTime uploadedAt;

    @Version
    public int version;

    public boolean submitted() {
        return submittedAt != null;
    }
}
