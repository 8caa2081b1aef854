package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.notification.domain.NoticeKind;
import cn.hanzhong.rectification.notification.domain.Notification;
import cn.hanzhong.rectification.notification.repository.NotificationRepository;
import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.security.Roles;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The caller's inbox: a unit user reads its unit's notices; the office, discipline bodies and
 * leaders read the notices addressed to their role.
 */
@ApplicationScoped
@Transactional
public class Inbox {

    private final NotificationRepository notifications;
    private final CurrentUser user;

    public Inbox(NotificationRepository notifications, CurrentUser user) {
        this.notifications = notifications;
        this.user = user;
    }

    /** The recipients whose notices the caller reads. */
    public List<String> recipients() {
        List<String> r = new ArrayList<>();
        user.unit().filter(u -> user.hasRole(Roles.UNIT)).ifPresent(r::add);
        for (String role : List.of(Roles.OFFICE, Roles.DISCIPLINE, Roles.LEADER)) {
            if (user.hasRole(role)) {
                r.add(role);
            }
        }
        return r;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Notification> list(Boolean unread, Set<NoticeKind> kinds, UUID item, LocalDate from, LocalDate to,
                                   PageRequest request) {
        StringBuilder q = new StringBuilder("recipient in :recipients");
        Parameters p = Parameters.with("recipients", recipients());
        if (Boolean.TRUE.equals(unread)) {
            q.append(" and readAt is null");
        } else if (Boolean.FALSE.equals(unread)) {
            q.append(" and readAt is not null");
        }
        if (!kinds.isEmpty()) {
            q.append(" and kind in :kinds");
            p.and("kinds", kinds);
        }
        if (item != null) {
            q.append(" and itemId = :item");
            p.and("item", item);
        }
        if (from != null) {
            q.append(" and createdAt >= :from");
            p.and("from", from.atStartOfDay(Notices.ZONE).toOffsetDateTime());
        }
        if (to != null) {
            q.append(" and createdAt < :to");
            p.and("to", to.plusDays(1).atStartOfDay(Notices.ZONE).toOffsetDateTime());
        }
        return Page.of(notifications.find(q.toString(), request.panacheSort(), p), request, Function.identity());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long unreadCount() {
        return notifications.count("recipient in ?1 and readAt is null", recipients());
    }

    public Notification markRead(long id) {
        Notification n = notifications.findByIdOptional(id).filter(x -> recipients().contains(x.recipient))
                .orElseThrow(() -> new ResourceNotFoundException("Notification", id));
        if (n.readAt == null) {
            n.readAt = OffsetDateTime.now(Notices.ZONE);
        }
        return n;
    }

    public int markAllRead() {
        return notifications.update("readAt = ?1 where recipient in ?2 and readAt is null",
                OffsetDateTime.now(Notices.ZONE), recipients());
    }

    /** The newest notice id of {@code recipients}, 0 if none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long latestId(List<String> recipients) {
        Number max = (Number) notifications.getEntityManager()
                .createQuery("select max(n.id) from Notification n where n.recipient in :r")
                .setParameter("r", recipients).getSingleResult();
        return max == null ? 0 : max.longValue();
    }

    /**
     * Notices for {@code recipients} after {@code afterId}, oldest first (the live stream's source).
     * Its own transaction: the stream runs after the request that opened it has ended.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<Notification> after(List<String> recipients, long afterId, int max) {
        return notifications.find("recipient in ?1 and id > ?2", Sort.by("id"), recipients, afterId).page(0, max).list();
    }
}
