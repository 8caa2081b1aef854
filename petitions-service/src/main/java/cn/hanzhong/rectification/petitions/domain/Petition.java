package cn.hanzhong.rectification.petitions.domain;

import cn.hanzhong.rectification.platform.calendar.WorkingDayCalendar;
import cn.hanzhong.rectification.platform.search.SearchGrams;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A forwarded public petition (信访件). The reporter's personal data is held only encrypted
 * ({@code *Enc}) and as masked copies; see {@code ReporterVault}.
 */
@Entity
@Table(name = "petition")
public class Petition {

    @Id
    public UUID id;

    @Column(name = "case_number", nullable = false, unique = true)
    public String caseNumber;

    @Column(name = "batch_number", nullable = false)
    public Integer batchNumber;

    @Column(name = "received_at", nullable = false)
    public LocalDate receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    public boolean priority;

    @Column(name = "reporter_anonymous")
    public boolean reporterAnonymous;

    @Column(name = "reporter_name_enc")
    public String reporterNameEnc;

    @Column(name = "reporter_phone_enc")
    public String reporterPhoneEnc;

    @Column(name = "reporter_id_number_enc")
    public String reporterIdNumberEnc;

    @Column(name = "reporter_address_enc")
    public String reporterAddressEnc;

    @Column(name = "reporter_name_masked")
    public String reporterNameMasked;

    @Column(name = "reporter_phone_masked")
    public String reporterPhoneMasked;

    @Column(nullable = false)
    public String content;

    public String location;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public District district;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "pollution_types")
    public List<String> pollutionTypes = new ArrayList<>();

    @Column(name = "lead_unit")
    public String leadUnit;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "cooperating_units")
    public List<String> cooperatingUnits = new ArrayList<>();

    public LocalDate deadline;

    @Column(name = "deadline_rule")
    public String deadlineRule;

    /** With {@link #deadlineFrom}: the deadline is this many working days after that day (null: a fixed date). */
    @Column(name = "deadline_working_days")
    public Integer deadlineWorkingDays;

    @Column(name = "deadline_from")
    public LocalDate deadlineFrom;

    /** Counted through a year whose holiday notice was not loaded yet; recounted when it is. */
    @Column(name = "deadline_provisional")
    public boolean deadlineProvisional;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PetitionStatus status;

    @Enumerated(EnumType.STRING)
    public Finding finding;

    public String investigation;

    @Embedded
    public Handling handling = new Handling();

    /** 责任追究情况. */
    @Column(name = "accountability_note")
    public String accountabilityNote;

    @Enumerated(EnumType.STRING)
    public Completion completion;

    @Column(name = "public_reply")
    public String publicReply;

    @Enumerated(EnumType.STRING)
    public Feedback feedback;

    @Column(name = "feedback_on")
    public LocalDate feedbackOn;

    @Column(name = "feedback_note")
    public String feedbackNote;

    @Column(name = "duplicate_of")
    public UUID duplicateOf;

    @Column(name = "reopen_count")
    public int reopenCount;

    public boolean published;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "published_content")
    public String publishedContent;

    @Column(name = "published_investigation")
    public String publishedInvestigation;

    @Column(name = "published_handling")
    public String publishedHandling;

    @Column(name = "published_accountability")
    public String publishedAccountability;

    @Column(name = "overdue_notified_for")
    public LocalDate overdueNotifiedFor;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "search_grams")
    public List<String> searchGrams = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Sets the deadline counted {@code days} working days after {@code from}, as the calendar gave it. */
    public void countDeadline(int days, LocalDate from, WorkingDayCalendar.Result counted) {
        deadline = counted.date();
        deadlineWorkingDays = days;
        deadlineFrom = from;
        deadlineProvisional = counted.provisional();
        deadlineRule = days + " working days from " + from
                + (counted.provisional() ? " (provisional: holiday calendar not yet published)" : "");
    }

    /** Marks the petition as changed at {@code at}. */
    public void touch(OffsetDateTime at) {
        updatedAt = at;
    }

    @Version
    public int version;

    public List<String> involvedUnits() {
        List<String> units = new ArrayList<>(cooperatingUnits);
        if (leadUnit != null) {
            units.add(0, leadUnit);
        }
        return units;
    }

    @PrePersist
    @PreUpdate
    void derive() {
        searchGrams = SearchGrams.of(caseNumber, content, location);
    }
}
