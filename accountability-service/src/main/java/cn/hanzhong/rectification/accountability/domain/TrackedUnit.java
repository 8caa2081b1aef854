package cn.hanzhong.rectification.accountability.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A unit of the directory, as issues-service's unit events describe it. */
@Entity
@Table(name = "tracked_unit")
public class TrackedUnit {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    /** The directory's kind code: OFFICE, CITY_DEPARTMENT, COUNTY_DISTRICT, MANAGEMENT_COMMITTEE, LEADING_GROUP. */
    @Column(nullable = false)
    public String kind;

    public boolean active;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
