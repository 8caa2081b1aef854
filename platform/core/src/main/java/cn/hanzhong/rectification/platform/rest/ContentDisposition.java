package cn.hanzhong.rectification.platform.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code Content-Disposition} for a download under a (Chinese) file name. */
public final class ContentDisposition {

    private ContentDisposition() {
    }

    /** attachment with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
    public static String attachment(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_").replace("\\", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
