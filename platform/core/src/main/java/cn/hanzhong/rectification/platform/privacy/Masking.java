package cn.hanzhong.rectification.platform.privacy;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks and pseudonymises personal data (PIPL): {@code 张三} → {@code 张*}, {@code 13812341234} →
 * {@code 138****1234}; free text for publication gets known names replaced by {@code 张某某} and
 * phone and ID numbers masked.
 */
public final class Masking {

    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)(\\d{4})(\\d{4})(?!\\d)");
    private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)(0\\d{2,3})[- ]?(\\d{7,8})(?!\\d)");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    /** A bank-card number: 16 to 19 digits, optionally grouped by spaces or hyphens in fours. */
    private static final Pattern BANK_CARD = Pattern.compile("(?<![0-9A-Za-z])(\\d{4}(?:[ -]?\\d{4}){2,3}(?:[ -]?\\d{1,3})?)(?![0-9A-Za-z])");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");
    /** "王先生", "李女士", "刘某某" are already generic; a 2–3 character name after 举报人/反映人/姓名 is not. */
    private static final Pattern NAMED = Pattern.compile("(举报人|反映人|信访人|来信人|来电人|姓名)([:：\\s]*)([\\p{IsHan}]{2,3})");

    private Masking() {
    }

    /** {@code 张三} → {@code 张*}, {@code 欧阳小明} → {@code 欧**}... keeps the surname's first character. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String n = name.strip();
        int first = n.offsetByCodePoints(0, 1);
        return n.substring(0, first) + "*".repeat(Math.max(1, n.codePointCount(first, n.length())));
    }

    /** {@code 13812341234} → {@code 138****1234}; other numbers keep their last 4 digits. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() == 11) {
            return digits.substring(0, 3) + "****" + digits.substring(7);
        }
        return digits.length() <= 4 ? "****" : "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }

    /** 18-digit ID number → first 6 and last 4 kept. */
    public static String idNumber(String id) {
        if (id == null || id.isBlank()) {
            return id;
        }
        String v = id.strip();
        return v.length() < 10 ? "*".repeat(v.length()) : v.substring(0, 6) + "*".repeat(v.length() - 10) + v.substring(v.length() - 4);
    }

    /** Keeps the address down to the township/street level words, hides the rest. */
    public static String address(String address) {
        if (address == null || address.isBlank()) {
            return address;
        }
        String a = address.strip();
        int keep = Math.min(a.length(), Math.max(2, a.length() / 3));
        return a.substring(0, keep) + "****";
    }

    /**
     * Text fit for publication: each of {@code knownNames} becomes its surname + 某某, a name after
     * 举报人/反映人/来电人/姓名 likewise; ID, bank-card, mobile and landline numbers and e-mail addresses are masked.
     */
    public static String pseudonymise(String text, Collection<String> knownNames) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String n : knownNames) {
            if (n != null && n.strip().length() >= 2) {
                out = out.replace(n.strip(), surname(n.strip()) + "某某");
            }
        }
        Matcher named = NAMED.matcher(out);
        StringBuilder b = new StringBuilder();
        while (named.find()) {
            String who = named.group(3);
            String replacement = who.endsWith("某某") || who.endsWith("某") ? named.group(0)
                    : named.group(1) + named.group(2) + surname(who) + "某某";
            named.appendReplacement(b, Matcher.quoteReplacement(replacement));
        }
        named.appendTail(b);
        out = b.toString();
        out = EMAIL.matcher(out).replaceAll("***@$1");
        out = ID_NUMBER.matcher(out).replaceAll("$1********$2");
        out = BANK_CARD.matcher(out).replaceAll(m -> {
            String digits = m.group(1).replaceAll("\\D", "");
            return digits.length() < 16 || digits.length() > 19 ? m.group(1)
                    : "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
        });
        out = MOBILE.matcher(out).replaceAll("$1****$3");
        out = LANDLINE.matcher(out).replaceAll(m -> m.group(1) + "-****" + m.group(2).substring(m.group(2).length() - 2));
        return out;
    }

    private static String surname(String name) {
        return name.substring(0, name.offsetByCodePoints(0, 1));
    }
}
