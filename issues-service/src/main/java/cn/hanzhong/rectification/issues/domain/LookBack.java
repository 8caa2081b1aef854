package cn.hanzhong.rectification.issues.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A look-back (回头看) drawn at random from the signed-off issues. The draw is reproducible: the
 * population as it stood ({@link #population} in code order with each one's {@link #populationStrata}),
 * the {@link #seed} and the sizes are kept, and {@code LookBackSampling} re-draws the same {@link #sample}.
 */
@Entity
@Table(name = "look_back")
public class LookBack {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    public long seed;

    @Column(name = "requested_count")
    public Integer requestedCount;

    @Column(name = "requested_percent")
    public BigDecimal requestedPercent;

    @Column(name = "sample_size")
    public int sampleSize;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "stratify_by")
    public List<String> stratifyBy = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<UUID> population = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "population_strata")
    public List<String> populationStrata = new ArrayList<>();

    @Column(name = "population_sha256", nullable = false)
    public String populationSha256;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<UUID> sample = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "checker_units")
    public List<String> checkerUnits = new ArrayList<>();

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(name = "signed_off_from")
    public LocalDate signedOffFrom;

    @Column(name = "signed_off_to")
    public LocalDate signedOffTo;

    @Column(name = "drawn_by", nullable = false)
    public String drawnBy;

    @Column(name = "drawn_by_name")
    public String drawnByName;

    @Column(name = "drawn_at", nullable = false)
    public OffsetDateTime drawnAt;
}
