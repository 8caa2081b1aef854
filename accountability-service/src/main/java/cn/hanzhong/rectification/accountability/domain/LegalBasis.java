package cn.hanzhong.rectification.accountability.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An entry of the catalogue of legal bases: a law or regulation, its article, the situation (情形). */
@Entity
@Table(name = "legal_basis")
public class LegalBasis {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String title;

    public String article;

    @Column(nullable = false)
    public String situation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LegalBasisKind kind;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
