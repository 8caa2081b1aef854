package cn.hanzhong.rectification.notification.webhook;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafeTargetsTest {

    private static boolean refused(String url) {
        return SafeTargets.refusal(url, Set.of("127.0.0.1")).isPresent();
    }

    @Test
    void refusesLoopbackPrivateLinkLocalAndMetadata() {
        assertTrue(refused("https://127.0.0.2/hook"));
        assertTrue(refused("https://localhost/hook"), "a hostname resolving to 127.0.0.1");
        assertTrue(refused("https://10.1.2.3/hook"));
        assertTrue(refused("https://192.168.1.1/hook"));
        assertTrue(refused("https://172.16.0.1/hook"));
        assertTrue(refused("https://169.254.169.254/latest/meta-data"));
        assertTrue(refused("https://[::1]/hook"));
        assertTrue(refused("https://[fd00::1]/hook"));
        assertTrue(refused("https://0.0.0.0/hook"));
    }

    @Test
    void requiresHttpsUnlessAllowListed() {
        assertTrue(refused("http://93.184.216.34/hook"));
        assertTrue(refused("ftp://93.184.216.34/hook"));
        assertTrue(refused("https://user:pw@93.184.216.34/hook"));
        assertFalse(refused("https://93.184.216.34/hook"));
        assertFalse(refused("http://127.0.0.1:8080/hook"), "explicitly allow-listed");
    }

    @Test
    void signaturesBindIdTimestampAndBody() {
        String secret = StandardWebhooks.newSecret();
        String sig = StandardWebhooks.sign(secret, "msg_1", 1700000000L, "{\"a\":1}");
        assertTrue(StandardWebhooks.verify(secret, "msg_1", 1700000000L, "{\"a\":1}", sig));
        assertFalse(StandardWebhooks.verify(secret, "msg_1", 1700000000L, "{\"a\":2}", sig));
        assertFalse(StandardWebhooks.verify(secret, "msg_1", 1700000001L, "{\"a\":1}", sig));
        assertFalse(StandardWebhooks.verify(StandardWebhooks.newSecret(), "msg_1", 1700000000L, "{\"a\":1}", sig));
    }
}
