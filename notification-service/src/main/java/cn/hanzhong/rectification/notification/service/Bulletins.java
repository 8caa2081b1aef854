package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.notification.config.NotificationConfig;
import cn.hanzhong.rectification.notification.domain.Bulletin;
import cn.hanzhong.rectification.notification.domain.BulletinContent;
import cn.hanzhong.rectification.notification.domain.BulletinKind;
import cn.hanzhong.rectification.notification.domain.BulletinStatus;
import cn.hanzhong.rectification.notification.domain.NoticeKind;
import cn.hanzhong.rectification.notification.domain.TrackedItem;
import cn.hanzhong.rectification.notification.event.FiguresEventData;
import cn.hanzhong.rectification.notification.repository.BulletinRepository;
import cn.hanzhong.rectification.platform.errors.ConflictException;
import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.security.Roles;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Bulletins (情况通报), drawn from data, never typed: the owners' latest published figures (their
 * stats endpoints' answers at one instant) and this service's monthly dispatch list. A draft until the
 * office publishes it; publishing numbers it (文号, per year) and tells every unit once. The monthly
 * bulletin of the month before is drawn and published on the configured day, once whatever the number
 * of instances. Drafts are the office's; a published bulletin is circulated to every reader.
 */
@ApplicationScoped
public class Bulletins {

    private static final Logger LOG = Logger.getLogger(Bulletins.class);

    private final BulletinRepository bulletins;
    private final Figures figures;
    private final MonthlyDispatch dispatch;
    private final Notices notices;
    private final CurrentUser user;
    private final ProgrammeClock clock;
    private final String numberPrefix;
    private final int monthlyDay;

    public Bulletins(BulletinRepository bulletins, Figures figures, MonthlyDispatch dispatch, Notices notices, CurrentUser user,
                     ProgrammeClock clock, NotificationConfig config) {
        this.bulletins = bulletins;
        this.figures = figures;
        this.dispatch = dispatch;
        this.notices = notices;
        this.user = user;
        this.clock = clock;
        this.numberPrefix = config.bulletins().numberPrefix();
        this.monthlyDay = config.bulletins().monthlyDay();
    }

    /** Draws a draft bulletin for {@code period} from the latest figures (409 while a source has published none). */
    @Transactional
    public Bulletin draw(YearMonth period) {
        return draw(period, BulletinKind.ON_DEMAND, user.name());
    }

    private Bulletin draw(YearMonth period, BulletinKind kind, String by) {
        Bulletin b = new Bulletin();
        b.id = UUID.randomUUID();
        b.period = period.toString();
        b.kind = kind;
        b.status = BulletinStatus.DRAFT;
        b.title = "关于" + period.getYear() + "年" + period.getMonthValue() + "月生态环境保护督察整改工作进展情况的通报";
        b.content = content(period);
        b.createdAt = clock.now();
        b.createdBy = by;
        bulletins.persist(b);
        return b;
    }

    /** Publishes a draft: numbered (文号), frozen, and every unit, the office, leaders and discipline bodies told once. */
    @Transactional
    public Bulletin publish(UUID id) {
        Bulletin b = bulletins.findById(id);
        if (b == null) {
            throw new ResourceNotFoundException("Bulletin", id);
        }
        if (b.status == BulletinStatus.PUBLISHED) {
            throw new ConflictException("bulletin " + b.documentNumber + " is published already");
        }
        return publish(b, user.name());
    }

    private Bulletin publish(Bulletin b, String by) {
        int year = clock.today().getYear();
        b.numberYear = year;
        b.number = bulletins.nextNumber(year);
        b.documentNumber = numberPrefix + "〔" + year + "〕" + b.number + "号";
        b.status = BulletinStatus.PUBLISHED;
        b.publishedAt = clock.now();
        b.publishedBy = by;
        bulletins.flush();
        List<String> units = figures.latest(Figures.Source.ISSUES, FiguresEventData.IssueFigures.class)
                .map(f -> f.units().stream().map(FiguresEventData.Unit::code).toList()).orElse(List.of());
        notices.send(TrackedItem.bulletin(b.id, b.documentNumber, b.title, units), Notices.Notice.of(NoticeKind.BULLETIN_PUBLISHED,
                b.documentNumber + "《" + b.title + "》已印发，请认真对照整改。", "published"));
        return b;
    }

    /** Deletes a draft (a published bulletin stays for ever). */
    @Transactional
    public void deleteDraft(UUID id) {
        Bulletin b = get(id);
        if (b.status == BulletinStatus.PUBLISHED) {
            throw new ConflictException("bulletin " + b.documentNumber + " is published and cannot be deleted");
        }
        bulletins.delete(b);
    }

    /** One bulletin; a draft only for the office. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Bulletin get(UUID id) {
        Bulletin b = bulletins.findById(id);
        if (b == null || b.status == BulletinStatus.DRAFT && !seesDrafts()) {
            throw new ResourceNotFoundException("Bulletin", id);
        }
        return b;
    }

    /** Bulletins newest first; drafts only for the office. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Bulletin> list(BulletinStatus status, YearMonth period, PageRequest page) {
        StringBuilder q = new StringBuilder("true = true");
        Parameters p = new Parameters();
        if (!seesDrafts()) {
            q.append(" and status = :published");
            p.and("published", BulletinStatus.PUBLISHED);
        }
        if (status != null) {
            q.append(" and status = :status");
            p.and("status", status);
        }
        if (period != null) {
            q.append(" and period = :period");
            p.and("period", period.toString());
        }
        return Page.of(bulletins.find(q.toString(), page.panacheSort(), p), page, Function.identity());
    }

    private boolean seesDrafts() {
        return user.hasRole(Roles.OFFICE);
    }

    /** On the configured day of each month (and any day after it, until done): the month before's bulletin, drawn and published. */
    @Scheduled(cron = "{notification.bulletins.cron}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "monthly-bulletin")
    void monthly() {
        if (clock.today().getDayOfMonth() >= monthlyDay) {
            monthlyBulletin(YearMonth.from(clock.today()).minusMonths(1));
        }
    }

    /** The monthly bulletin of {@code period}, drawn and published unless it exists (once with several instances). */
    public Optional<Bulletin> monthlyBulletin(YearMonth period) {
        return QuarkusTransaction.requiringNew().call(() -> {
            bulletins.lockMonthly(period.toString());
            if (bulletins.count("kind = ?1 and period = ?2", BulletinKind.MONTHLY, period.toString()) > 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(publish(draw(period, BulletinKind.MONTHLY, "system"), "system"));
            } catch (ConflictException noFigures) {
                LOG.warnf("monthly bulletin of %s not drawn: %s", period, noFigures.getMessage());
                QuarkusTransaction.setRollbackOnly();
                return Optional.empty();
            }
        });
    }

    /** The figures of a bulletin for {@code period}. */
    BulletinContent content(YearMonth period) {
        FiguresEventData.IssueFigures issues = figures.latest(Figures.Source.ISSUES, FiguresEventData.IssueFigures.class)
                .orElseThrow(() -> new ConflictException("issues-service has not published its figures yet; try again in a minute"));
        FiguresEventData.PetitionFigures petitions = figures.latest(Figures.Source.PETITIONS, FiguresEventData.PetitionFigures.class)
                .orElseThrow(() -> new ConflictException("petitions-service has not published its figures yet; try again in a minute"));
        FiguresEventData.CaseFigures cases = figures.latest(Figures.Source.ACCOUNTABILITY, FiguresEventData.CaseFigures.class)
                .orElseThrow(() -> new ConflictException("accountability-service has not published its figures yet; try again in a minute"));
        Map<String, String> names = issues.units().stream()
                .collect(Collectors.toMap(FiguresEventData.Unit::code, FiguresEventData.Unit::name, (a, b) -> a));
        return BulletinFigures.of(period, issues, petitions, cases, dispatch.of(period), names);
    }
}
