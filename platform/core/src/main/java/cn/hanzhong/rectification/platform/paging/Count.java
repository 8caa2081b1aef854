package cn.hanzhong.rectification.platform.paging;

/**
 * How many items a list matches: exact while counting is cheap (up to {@link #EXACT_UP_TO}), beyond that the
 * database's estimate, flagged, and never below the bound that was counted.
 */
public record Count(long total, boolean exact) {

    public static final int EXACT_UP_TO = 10_000;

    public static Count exact(long total) {
        return new Count(total, true);
    }

    public static Count estimate(long estimate) {
        return new Count(Math.max(estimate, EXACT_UP_TO + 1L), false);
    }
}
