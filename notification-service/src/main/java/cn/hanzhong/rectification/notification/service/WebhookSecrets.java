package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.notification.config.NotificationConfig;
import cn.hanzhong.rectification.platform.privacy.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;

/** Webhook signing secrets at rest: encrypted with the platform cipher; a legacy clear value is still read. */
@ApplicationScoped
public class WebhookSecrets {

    private static final String CLEAR_PREFIX = "whsec_";

    private final FieldCipher cipher;

    public WebhookSecrets(NotificationConfig config) {
        Map<String, String> keys = new HashMap<>();
        config.webhooks().previousSecretKeys().ifPresent(list -> {
            for (String pair : list.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    keys.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
        });
        keys.put(config.webhooks().secretKeyId(), config.webhooks().secretKey());
        this.cipher = new FieldCipher(keys, config.webhooks().secretKeyId());
    }

    public String seal(String secret) {
        return cipher.encrypt(secret);
    }

    public String open(String stored) {
        return stored.startsWith(CLEAR_PREFIX) ? stored : cipher.decrypt(stored);
    }
}
