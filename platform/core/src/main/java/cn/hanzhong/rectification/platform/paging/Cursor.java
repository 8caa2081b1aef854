package cn.hanzhong.rectification.platform.paging;

import cn.hanzhong.rectification.platform.errors.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * The opaque {@code after=} cursor of keyset lists: the id of the last row of a page. The next page is the
 * rows after that row's sort values, so the cursor stays valid when rows are added and whatever sort is asked.
 */
public final class Cursor {

    private static final String PREFIX = "k1:";

    private Cursor() {
    }

    public static String of(UUID lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
    }

    /** The row id in {@code cursor}; a 400 naming {@code after} when it is not one this service issued. */
    public static UUID parse(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                return UUID.fromString(text.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidInputException("after", "is not a cursor of this list; pass the nextCursor of the page before");
    }
}
