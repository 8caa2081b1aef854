package cn.hanzhong.rectification.issues;

import cn.hanzhong.rectification.platform.testing.LayerRules;
import org.junit.jupiter.api.Test;

/** The service's packages depend on each other one way only (see {@link LayerRules}). */
class LayeringTest {

    @Test
    void importsRunFromRestToServiceToDomainAndNeverBack() {
        LayerRules.check("cn.hanzhong.rectification.issues");
    }
}
