package cn.hanzhong.rectification.notification.repository;

import cn.hanzhong.rectification.notification.domain.Notification;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;


@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, Long> {
}
