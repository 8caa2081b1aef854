package cn.hanzhong.rectification.notification.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.HashSet;
import java.util.List;

/** Refuses to start with reminder or escalation settings that make no sense, naming the setting. */
@ApplicationScoped
public class RuleSettings {

    void check(@Observes StartupEvent event, NotificationConfig config) {
        validate(config.reminderDays(), config.escalationDays());
    }

    /** @throws IllegalStateException naming the setting and the value that is wrong */
    public static void validate(List<Integer> reminderDays, List<Integer> escalationDays) {
        check("notification.reminder-days", reminderDays, 0);
        check("notification.escalation-days", escalationDays, 1);
    }

    private static void check(String name, List<Integer> values, int min) {
        if (values.isEmpty()) {
            throw new IllegalStateException(name + " must list at least one value");
        }
        if (new HashSet<>(values).size() != values.size()) {
            throw new IllegalStateException(name + " lists a value twice: " + values);
        }
        for (int v : values) {
            if (v < min || v > 365) {
                throw new IllegalStateException(name + " has " + v + "; each value must be between " + min + " and 365");
            }
        }
    }
}
