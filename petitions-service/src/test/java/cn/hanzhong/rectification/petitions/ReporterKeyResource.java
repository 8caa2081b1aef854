package cn.hanzhong.rectification.petitions;

import cn.hanzhong.rectification.platform.privacy.FieldCipher;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** A fresh reporter-data key per test run: no key is ever committed. */
public class ReporterKeyResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("petitions.reporter-key", FieldCipher.newKey(), "petitions.reporter-key-id", "test");
    }

    @Override
    public void stop() {
    }
}
