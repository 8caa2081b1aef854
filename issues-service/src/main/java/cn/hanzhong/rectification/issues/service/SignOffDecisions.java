package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.domain.IssueAction;
import cn.hanzhong.rectification.issues.domain.IssueStatus;
import cn.hanzhong.rectification.issues.domain.NoticeStatus;
import cn.hanzhong.rectification.issues.domain.ObjectionStatus;
import cn.hanzhong.rectification.issues.domain.SignOffNotice;
import cn.hanzhong.rectification.issues.domain.SignOffObjection;
import cn.hanzhong.rectification.issues.repository.IssueRepository;
import cn.hanzhong.rectification.issues.repository.SignOffNoticeRepository;
import cn.hanzhong.rectification.issues.repository.SignOffObjectionRepository;
import cn.hanzhong.rectification.issues.service.command.Transition;
import cn.hanzhong.rectification.platform.errors.ConflictException;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.security.UnitScope;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What ends a public notice: the office's ruling on an objection (an upheld one sends the issue back to
 * rectification with the objection as reason) and the window passing with no objection pending, which
 * signs the issue off — exactly once however many instances run the scan, because each notice is taken
 * under a row lock that other instances skip, and its status changes in the same transaction.
 */
@ApplicationScoped
public class SignOffDecisions {

    private static final Logger LOG = Logger.getLogger(SignOffDecisions.class);
    private static final int BATCH = 100;

    public enum Ruling { UPHOLD, DISMISS }

    private final SignOffNoticeRepository notices;
    private final SignOffObjectionRepository objections;
    private final SignOffNotices views;
    private final IssueRepository issues;
    private final IssueTransitions transitions;
    private final UnitScope scope;
    private final CurrentUser user;
    private final ProgrammeClock clock;

    public SignOffDecisions(SignOffNoticeRepository notices, SignOffObjectionRepository objections, SignOffNotices views,
                            IssueRepository issues, IssueTransitions transitions, UnitScope scope, CurrentUser user,
                            ProgrammeClock clock) {
        this.notices = notices;
        this.objections = objections;
        this.views = views;
        this.issues = issues;
        this.transitions = transitions;
        this.scope = scope;
        this.user = user;
        this.clock = clock;
    }

    /** UPHOLD: the issue goes back to IN_PROGRESS with the objection as reason; DISMISS: the reply is published with the notice. */
    @Transactional
    public SignOffNotices.NoticeView rule(UUID noticeId, UUID objectionId, Ruling ruling, String reply) {
        scope.requireOffice();
        SignOffNotice n = notices.findForUpdate(noticeId).orElseThrow(() -> new ResourceNotFoundException("Sign-off notice", noticeId));
        SignOffObjection o = objections.findById(objectionId);
        if (o == null || !o.noticeId.equals(noticeId)) {
            throw new ResourceNotFoundException("Objection", objectionId);
        }
        if (o.status != ObjectionStatus.PENDING) {
            throw new ConflictException("The objection was already ruled on (" + o.status.label() + ")");
        }
        if (reply == null || reply.isBlank()) {
            throw new InvalidInputException("reply", "must not be blank: the reply is what the objector and the public read");
        }
        o.reply = reply.strip();
        o.ruledBy = user.name();
        o.ruledAt = clock.now();
        if (ruling == Ruling.DISMISS) {
            o.status = ObjectionStatus.DISMISSED;
            return views.viewOf(n);
        }
        o.status = ObjectionStatus.UPHELD;
        if (n.status == NoticeStatus.OPEN) {
            Issue issue = issues.findForUpdate(n.issueId).orElseThrow();
            n.status = NoticeStatus.OBJECTION_UPHELD;
            n.closedAt = clock.now();
            transitions.bySystem(issue, Transition.bySystem(IssueAction.UPHOLD_OBJECTION,
                    "公示期间群众异议成立：" + o.text + "（答复：" + o.reply + "）", null));
        }
        return views.viewOf(n);
    }

    @Scheduled(cron = "{issues.sign-off.cron}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "sign-off-notices")
    void scheduled() {
        int n = signOffDue(clock.today());
        if (n > 0) {
            LOG.infof("Signed off %d issues whose public notice has passed", n);
        }
    }

    /** Signs off every issue whose notice window ended before {@code today} with no objection pending; returns how many. */
    @ActivateRequestContext
    public int signOffDue(LocalDate today) {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> {
                List<SignOffNotice> due = notices.lockDue(today, BATCH);
                for (SignOffNotice n : due) {
                    Issue issue = issues.findForUpdate(n.issueId).orElseThrow();
                    n.status = NoticeStatus.SIGNED_OFF;
                    n.closedAt = clock.now();
                    if (issue.status == IssueStatus.PUBLIC_NOTICE) {
                        transitions.bySystem(issue, Transition.bySystem(IssueAction.SIGN_OFF,
                                "公示期满（" + n.startsOn + " 至 " + n.endsOn + "）无异议",
                                new Transition.Acceptance(n.opinion, n.verifiedBy, today.isAfter(clock.today()) ? clock.today() : today)));
                    }
                }
                return due.size();
            });
            total += batch;
        } while (batch == BATCH);
        return total;
    }
}
