package cn.hanzhong.rectification.platform.privacy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MaskingTest {

    @Test
    void masksNamesPhonesAndIdNumbers() {
        assertEquals("张*", Masking.name("张三"));
        assertEquals("欧***", Masking.name("欧阳小明"));
        assertEquals("138****1234", Masking.phone("13812341234"));
        assertEquals("138****1234", Masking.phone("138-1234-1234"));
        assertEquals("610702********1234", Masking.idNumber("610702199001011234"));
    }

    @Test
    void pseudonymisesFreeTextForPublication() {
        String text = "举报人王小红反映，王小红家旁养殖场污水直排，联系电话13912345678，身份证610702199001011234，"
                + "办公电话0916-2345678；来电人：刘大海。";
        String out = Masking.pseudonymise(text, List.of("王小红"));
        assertFalse(out.contains("王小红"), out);
        assertFalse(out.contains("刘大海"), out);
        assertFalse(out.contains("13912345678"), out);
        assertFalse(out.contains("610702199001011234"), out);
        assertFalse(out.contains("2345678"), out);
        assertEquals("举报人王某某反映，王某某家旁养殖场污水直排，联系电话139****5678，身份证610702********1234，"
                + "办公电话0916-****78；来电人：刘某某。", out);
    }

    @Test
    void masksBankCardsAndEmailAddressesInFreeText() {
        String out = Masking.pseudonymise("反映人张伟，银行卡6222 0212 3456 7890 123，另一卡号6217001234567890，邮箱 zhang.wei@example.com.cn，"
                + "编号2021-0001，日期20210801。", List.of());
        assertEquals("反映人张某某，银行卡***************0123，另一卡号************7890，邮箱 ***@example.com.cn，"
                + "编号2021-0001，日期20210801。", out);
    }

    @Test
    void encryptsWithRotatableKeys() {
        String k1 = FieldCipher.newKey();
        String k2 = FieldCipher.newKey();
        FieldCipher old = new FieldCipher(Map.of("k1", k1), "k1");
        String stored = old.encrypt("张三");
        assertNotEquals(stored, old.encrypt("张三"), "a fresh IV each time");
        FieldCipher rotated = new FieldCipher(Map.of("k1", k1, "k2", k2), "k2");
        assertEquals("张三", rotated.decrypt(stored));
        assertEquals("k2", rotated.encrypt("x").substring(0, 2));
        String tampered = stored.substring(0, stored.length() - 3) + (stored.endsWith("AAA") ? "BBB" : "AAA");
        assertThrows(IllegalStateException.class, () -> rotated.decrypt(tampered));
    }
}
