package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.notification.domain.NoticeKind;
import cn.hanzhong.rectification.notification.domain.Notification;
import cn.hanzhong.rectification.notification.domain.Visibility;
import cn.hanzhong.rectification.notification.repository.NotificationRepository;
import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The caller's inbox: the notices addressed to their unit or role ({@link Visibility#readsAs}), with
 * read marks per person (the token's {@code sub}): one colleague reading a notice leaves it unread
 * for the others. "Read all" moves the person's watermark.
 */
@ApplicationScoped
@Transactional
public class NoticeInbox {

    /** A notice as the caller sees it: whether they have read it. */
    public record Seen(Notification notice, boolean read) {
    }

    private final NotificationRepository notifications;
    private final CurrentUser user;
    private final ProgrammeClock clock;

    public NoticeInbox(NotificationRepository notifications, CurrentUser user, ProgrammeClock clock) {
        this.notifications = notifications;
        this.user = user;
        this.clock = clock;
    }

    /** The recipients whose notices the caller reads. */
    public List<String> recipients() {
        return Visibility.readsAs(user.roles(), user.unit());
    }

    private EntityManager em() {
        return notifications.getEntityManager();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Seen> list(Boolean unread, Set<NoticeKind> kinds, UUID item, LocalDate from, LocalDate to,
                           PageRequest request) {
        StringBuilder q = new StringBuilder("from Notification n where n.recipient in :recipients");
        Parameters p = Parameters.with("recipients", recipients());
        if (unread != null) {
            long watermark = watermark();
            String isRead = "(n.id <= :watermark or exists (select 1 from NotificationRead r where r.subject = :sub "
                    + "and r.notificationId = n.id))";
            q.append(unread ? " and not " : " and ").append(isRead);
            p.and("watermark", watermark).and("sub", user.subject());
        }
        if (!kinds.isEmpty()) {
            q.append(" and n.kind in :kinds");
            p.and("kinds", kinds);
        }
        if (item != null) {
            q.append(" and n.itemId = :item");
            p.and("item", item);
        }
        if (from != null) {
            q.append(" and n.createdAt >= :from");
            p.and("from", from.atStartOfDay(ProgrammeClock.ZONE).toOffsetDateTime());
        }
        if (to != null) {
            q.append(" and n.createdAt < :to");
            p.and("to", to.plusDays(1).atStartOfDay(ProgrammeClock.ZONE).toOffsetDateTime());
        }
        Page<Notification> page = Page.of(notifications.find(q.toString(), request.panacheSort(), p), request,
                Function.identity());
        Set<Long> read = readAmong(page.items().stream().map(n -> n.id).toList());
        return page.map(n -> new Seen(n, read.contains(n.id)));
    }

    /** Of {@code ids}, those the caller has read. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<Long> readAmong(List<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        long watermark = watermark();
        Set<Long> read = new HashSet<>();
        ids.stream().filter(id -> id <= watermark).forEach(read::add);
        read.addAll(em().createQuery("select r.notificationId from NotificationRead r where r.subject = :s and r.notificationId in :ids",
                Long.class).setParameter("s", user.subject()).setParameter("ids", ids).getResultList());
        return read;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long unreadCount() {
        Number n = (Number) em().createNativeQuery("""
                        select count(*) from notification n
                        where n.recipient = any(cast(:recipients as text[])) and n.id > :watermark
                          and not exists (select 1 from notification_read r where r.subject = :sub and r.notification_id = n.id)""")
                .setParameter("recipients", recipients().toArray(String[]::new))
                .setParameter("watermark", watermark())
                .setParameter("sub", user.subject())
                .getSingleResult();
        return n.longValue();
    }

    public Seen markRead(long id) {
        Notification n = notifications.findByIdOptional(id).filter(x -> recipients().contains(x.recipient))
                .orElseThrow(() -> new ResourceNotFoundException("Notification", id));
        em().createNativeQuery("""
                        insert into notification_read (subject, notification_id, read_at) values (:sub, :id, :at)
                        on conflict do nothing""")
                .setParameter("sub", user.subject()).setParameter("id", id).setParameter("at", clock.now()).executeUpdate();
        return new Seen(n, true);
    }

    /** Marks every notice the caller can see as read (for the caller only); returns how many were unread. */
    public long markAllRead() {
        long unread = unreadCount();
        long latest = latestId(recipients());
        em().createNativeQuery("""
                        insert into reader_watermark (subject, read_upto, updated_at) values (:sub, :upto, :at)
                        on conflict (subject) do update set read_upto = greatest(reader_watermark.read_upto, excluded.read_upto),
                                                             updated_at = excluded.updated_at""")
                .setParameter("sub", user.subject()).setParameter("upto", latest).setParameter("at", clock.now()).executeUpdate();
        em().createNativeQuery("delete from notification_read where subject = :sub and notification_id <= :upto")
                .setParameter("sub", user.subject()).setParameter("upto", latest).executeUpdate();
        return unread;
    }

    private long watermark() {
        List<?> r = em().createNativeQuery("select read_upto from reader_watermark where subject = :s")
                .setParameter("s", user.subject()).getResultList();
        return r.isEmpty() ? 0 : ((Number) r.get(0)).longValue();
    }

    /**
     * The newest notice id of {@code recipients}, 0 if none. In a transaction of its own when called
     * outside one: a live stream's request lives as long as the stream, and a session bound to it
     * would be held that long.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public long latestId(List<String> recipients) {
        if (recipients.isEmpty()) {
            return 0;
        }
        Number max = (Number) em().createQuery("select max(n.id) from Notification n where n.recipient in :r")
                .setParameter("r", recipients).getSingleResult();
        return max == null ? 0 : max.longValue();
    }

    /**
     * Notices for {@code recipients} after {@code afterId}, oldest first (the live stream's source).
     * Its own transaction: streams are fed outside any request.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Notification> after(List<String> recipients, long afterId, int max) {
        if (recipients.isEmpty()) {
            return List.of();
        }
        List<Notification> found = notifications.find("recipient in ?1 and id > ?2", Sort.by("id"), recipients, afterId)
                .page(0, max).list();
        found.forEach(em()::detach);
        return found;
    }
}
