package cn.hanzhong.rectification.issues.domain;

/** In which capacity a caller acts on an issue; decides which transitions it may make. */
public enum Actor {
    /** The rectification office (role {@code office}). */
    OFFICE,
    /** A user of the issue's lead unit (role {@code unit}, claim {@code unit} = lead unit). */
    LEAD_UNIT
}
