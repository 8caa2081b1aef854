package cn.hanzhong.rectification.platform.rest;

import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import jakarta.ws.rs.core.EntityTag;

/**
 * The {@code @Version} of an entity as its ETag ({@code "3"}), and {@code If-Match} read back.
 * Writes that carry {@code If-Match} are refused with 412 when it is not the current version
 * ({@link cn.hanzhong.rectification.platform.lifecycle.Versions#requireCurrent}).
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /** The version in an {@code If-Match} header, or {@code null} when there is none (or {@code *}). */
    public static Integer parseIfMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String v = header.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "must be the ETag of the current representation, e.g. \"3\"");
        }
    }
}
