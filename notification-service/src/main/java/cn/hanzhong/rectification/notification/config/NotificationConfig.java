package cn.hanzhong.rectification.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/** Settings of the notification rules ({@code notification.*}). */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    /** Working days before the deadline at which reminders go out (0 = on the day). */
    @WithDefault("7,3,1,0")
    List<Integer> reminderDays();

    /** Calendar days after the deadline at which the office and leaders are alerted. */
    @WithDefault("7,30")
    List<Integer> escalationDays();

    /** How often the live stream looks for new notices. */
    @WithDefault("500")
    int streamPollMillis();

    /** How often the live stream sends a heartbeat comment. */
    @WithDefault("15")
    int heartbeatSeconds();
}
