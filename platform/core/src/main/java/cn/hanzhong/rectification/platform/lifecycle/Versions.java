package cn.hanzhong.rectification.platform.lifecycle;

import cn.hanzhong.rectification.platform.errors.PreconditionFailedException;

/**
 * Optimistic concurrency for the service layer: a write that carries the version the caller last
 * read (the {@code If-Match} ETag, see {@code platform.rest.ETags}) is refused with 412 when the
 * aggregate has moved on since.
 */
public final class Versions {

    private Versions() {
    }

    /** 412 unless {@code expected} is absent or is {@code current}. */
    public static void requireCurrent(Integer expected, int current) {
        if (expected != null && expected != current) {
            throw new PreconditionFailedException("If-Match " + expected + " is not the current version "
                    + current + "; read it again");
        }
    }
}
