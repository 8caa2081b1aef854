package cn.hanzhong.rectification.notification.event;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Published on {@value #TOPIC} for every alert (reminder, overdue, escalation), once per item, kind and deadline. */
public record AlertRaised(String kind, String itemKind, UUID itemId, String itemCode, String title, LocalDate deadline,
                          List<String> recipients) {

    public static final String TOPIC = "rectification.alerts";
    public static final String TYPE = "alert.raised";
}
