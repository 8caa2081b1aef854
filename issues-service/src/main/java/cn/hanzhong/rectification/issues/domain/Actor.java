package cn.hanzhong.rectification.issues.domain;

/** In which capacity a caller acts on an issue; decides which transitions it may make. */
public enum Actor {
    /** The rectification office (role {@code office}). */
    OFFICE,
    /** A user of the issue's lead unit (role {@code unit}, claim {@code unit} = lead unit). */
    LEAD_UNIT,
    /** The service itself: the end of a public notice, an objection upheld. No caller acts as it. */
    SYSTEM
}
