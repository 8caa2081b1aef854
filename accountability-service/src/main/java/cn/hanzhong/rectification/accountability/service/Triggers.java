package cn.hanzhong.rectification.accountability.service;

import cn.hanzhong.rectification.accountability.config.AccountabilityConfig;
import cn.hanzhong.rectification.accountability.domain.CaseSource;
import cn.hanzhong.rectification.accountability.domain.ResponsibleOfficial;
import cn.hanzhong.rectification.accountability.domain.TrackedIssue;
import cn.hanzhong.rectification.accountability.domain.TrackedPetition;
import cn.hanzhong.rectification.accountability.domain.TrackedUnit;
import cn.hanzhong.rectification.accountability.event.IssueEventData;
import cn.hanzhong.rectification.accountability.event.OrderEventData;
import cn.hanzhong.rectification.accountability.event.PetitionEventData;
import cn.hanzhong.rectification.accountability.event.ProducerEvents;
import cn.hanzhong.rectification.accountability.event.UnitEventData;
import cn.hanzhong.rectification.accountability.repository.TrackedIssueRepository;
import cn.hanzhong.rectification.accountability.repository.TrackedPetitionRepository;
import cn.hanzhong.rectification.accountability.repository.TrackedUnitRepository;
import cn.hanzhong.rectification.platform.events.CloudEvent;
import cn.hanzhong.rectification.platform.events.CloudEventCodec;
import cn.hanzhong.rectification.platform.events.MalformedEventException;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Map;

/**
 * Keeps the projection of issues and petitions from their events and proposes cases:
 * an issue overdue for N days without sign-off; an acceptance rejected twice or more; an issue
 * reopened after sign-off; a concluded petition that held persons accountable. Each cause proposes
 * once: the inbox skips redeliveries, and the trigger key is unique in the database.
 */
@ApplicationScoped
public class Triggers {

    private final CloudEventCodec codec;
    private final TrackedIssueRepository issues;
    private final TrackedPetitionRepository petitions;
    private final CaseService cases;
    private final AccountabilityConfig config;
    private final ProgrammeClock clock;
    private final TrackedUnitRepository units;

    public Triggers(CloudEventCodec codec, TrackedIssueRepository issues, TrackedPetitionRepository petitions,
                    CaseService cases, AccountabilityConfig config, ProgrammeClock clock, TrackedUnitRepository units) {
        this.units = units;
        this.clock = clock;
        this.codec = codec;
        this.issues = issues;
        this.petitions = petitions;
        this.cases = cases;
        this.config = config;
    }

    /** Applies one issue event (first delivery, known type) in the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onIssueEvent(CloudEvent event) {
        if (event.type().startsWith("unit.")) {
            onUnitEvent(event);
            return;
        }
        if (event.type().startsWith(ProducerEvents.ORDER_PREFIX)) {
            onOrderEvent(event);
            return;
        }
        IssueEventData d = codec.data(event, IssueEventData.class);
        if (d.id() == null || d.code() == null) {
            throw new MalformedEventException("issue event without id/code");
        }
        TrackedIssue t = issues.findByIdOptional(d.id()).orElseGet(TrackedIssue::new);
        boolean isNew = t.id == null;
        t.id = d.id();
        t.code = d.code();
        t.title = d.title();
        t.leadUnit = d.leadUnit();
        t.deadline = d.deadline();
        t.status = d.status() != null ? d.status() : ProducerEvents.STATUS_REGISTERED;
        t.rejectionCount = d.rejectionCount() != null ? d.rejectionCount() : t.rejectionCount;
        if (d.responsibleOfficials() != null) {
            t.responsibleOfficials = new ArrayList<>(d.responsibleOfficials());
        }
        t.updatedAt = clock.now();
        switch (event.type()) {
            case ProducerEvents.ISSUE_OVERDUE -> t.overdueSince = d.overdueSince() != null ? d.overdueSince()
                    : d.deadline() != null ? d.deadline().plusDays(1) : clock.today();
            case ProducerEvents.ISSUE_DEADLINE_CHANGED, ProducerEvents.ISSUE_SIGNED_OFF -> t.overdueSince = null;
            case ProducerEvents.ISSUE_STATUS_CHANGED -> {
                if (ProducerEvents.ACTION_REJECT.equals(d.action()) && t.rejectionCount >= config.rejectionsBeforeProposal()) {
                    cases.propose(aboutIssue(t, "REPEATED_REJECTION:" + t.id, CaseSource.REPEATED_REJECTION,
                            t.code + " 验收 " + t.rejectionCount + " 次未通过，疑似搞变通、打折扣：" + t.title,
                            Map.of("rejectionCount", t.rejectionCount, "lastRejectionReason", text(d.reason()))));
                }
            }
            case ProducerEvents.ISSUE_REOPENED -> {
                if (!ProducerEvents.ACTION_LOOK_BACK_PAPER.equals(d.action())) {
                    cases.propose(aboutIssue(t, "RECURRENCE:" + t.id + ":" + event.id(),
                            CaseSource.LOOK_BACK_RECURRENCE, t.code + " 销号后回头看发现问题反弹：" + t.title,
                            Map.of("lookBackFinding", text(d.reason()))));
                }
            }
            case ProducerEvents.ISSUE_PAPER_RECTIFICATION -> cases.propose(aboutIssue(t,
                    "PAPER_RECTIFICATION:" + (d.checkId() != null ? d.checkId() : event.id()), CaseSource.PAPER_RECTIFICATION,
                    t.code + " 回头看发现虚假整改、表面整改：" + t.title,
                    Map.of("lookBackFinding", text(d.findings()), "checkerUnit", text(d.checkerUnit()),
                            "checkedOn", String.valueOf(d.checkedOn()))));
            default -> { }
        }
        if (isNew) {
            issues.persist(t);
        }
    }

    /**
     * A supervision order overdue, or returned {@code accountability.returns-before-proposal} times, proposes
     * one case per order: the unit addressed and the officials the ledger names on its issues as subjects.
     */
    private void onOrderEvent(CloudEvent event) {
        OrderEventData d = codec.data(event, OrderEventData.class);
        if (d.id() == null || d.number() == null || d.unit() == null) {
            throw new MalformedEventException(event.type() + " without id, number or unit");
        }
        int returns = d.returnCount() == null ? 0 : d.returnCount();
        boolean overdue = event.type().equals(ProducerEvents.ORDER_OVERDUE);
        if (!overdue && returns < config.returnsBeforeProposal()) {
            return;
        }
        List<UUID> related = d.issueIds() == null ? List.of() : List.copyOf(d.issueIds());
        List<ResponsibleOfficial> officials = related.isEmpty() ? List.of() : issues.list("id in ?1", related).stream()
                .flatMap(i -> i.responsibleOfficials.stream()).distinct().toList();
        String summary = overdue ? "督办单 " + d.number() + " 逾期未反馈（期限 " + d.dueDate() + "）"
                : "督办单 " + d.number() + " 反馈 " + returns + " 次被退办";
        cases.propose(new Proposal("SUPERVISION_ORDER:" + d.id(), CaseSource.SUPERVISION_ORDER, summary, related, List.of(),
                d.unit(), officials, overdue ? Map.of("orderNumber", d.number(), "dueDate", String.valueOf(d.dueDate()))
                : Map.of("orderNumber", d.number(), "returnCount", returns)));
    }

    private void onUnitEvent(CloudEvent event) {
        UnitEventData d = codec.data(event, UnitEventData.class);
        if (d.code() == null || d.kind() == null) {
            throw new MalformedEventException(event.type() + " without code/kind");
        }
        TrackedUnit u = units.findByIdOptional(d.code()).orElseGet(TrackedUnit::new);
        boolean isNew = u.code == null;
        u.code = d.code();
        u.name = d.name() != null ? d.name() : d.code();
        u.kind = d.kind();
        u.active = !Boolean.FALSE.equals(d.active());
        u.updatedAt = clock.now();
        if (isNew) {
            units.persist(u);
        }
    }

    /** Applies one petition event (first delivery, known type) in the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onPetitionEvent(CloudEvent event) {
        PetitionEventData d = codec.data(event, PetitionEventData.class);
        if (d.id() == null || d.caseNumber() == null) {
            throw new MalformedEventException("petition event without id/caseNumber");
        }
        TrackedPetition t = petitions.findByIdOptional(d.id()).orElseGet(TrackedPetition::new);
        boolean isNew = t.id == null;
        t.id = d.id();
        t.caseNumber = d.caseNumber();
        t.district = d.district();
        t.leadUnit = d.leadUnit();
        t.status = d.status() != null ? d.status() : ProducerEvents.STATUS_RECEIVED;
        if (d.personsHeldAccountable() != null) {
            t.personsHeldAccountable = d.personsHeldAccountable();
        }
        t.updatedAt = clock.now();
        if (isNew) {
            petitions.persist(t);
        }
        if (event.type().equals(ProducerEvents.PETITION_CONCLUDED) && t.personsHeldAccountable > 0) {
            cases.propose(new Proposal("PETITION:" + t.id, CaseSource.PETITION,
                    "信访件 " + t.caseNumber + " 办理中问责 " + t.personsHeldAccountable + " 人", List.of(), List.of(t.id),
                    t.leadUnit, List.of(), Map.of("personsHeldAccountable", t.personsHeldAccountable)));
        }
    }

    /** A proposal about one issue: its lead unit and the officials the ledger names on it. */
    private static Proposal aboutIssue(TrackedIssue t, String key, CaseSource source, String summary,
                                       Map<String, Object> facts) {
        return new Proposal(key, source, summary, List.of(t.id), List.of(), t.leadUnit, t.responsibleOfficials, facts);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    @Scheduled(cron = "{accountability.overdue-cron:0 30 0 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "accountability-overdue-daily")
    @Scheduled(every = "24h", delayed = "{accountability.overdue-startup-delay:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "accountability-overdue-startup")
    void scheduled() {
        proposeOverdue(clock.today());
    }

    /** Proposes a case for each issue overdue for the configured days without sign-off, as of {@code today}. */
    public int proposeOverdue(LocalDate today) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int proposed = 0;
            List<TrackedIssue> due = issues.list("overdueSince <= ?1 and status not in ('SIGNED_OFF', 'CANCELLED')",
                    today.minusDays(config.overdueDaysBeforeProposal()));
            for (TrackedIssue t : due) {
                long daysOverdue = ChronoUnit.DAYS.between(t.overdueSince, today) + 1;
                if (cases.propose(aboutIssue(t, "OVERDUE:" + t.id + ":" + t.deadline, CaseSource.OVERDUE_RECTIFICATION,
                        t.code + " 逾期 " + daysOverdue + " 天仍未销号：" + t.title,
                        Map.of("deadline", String.valueOf(t.deadline), "daysOverdue", daysOverdue)))) {
                    proposed++;
                }
            }
            return proposed;
        });
    }
}
