package cn.hanzhong.rectification.petitions.domain;

/** In which capacity a caller acts on a petition. */
public enum Actor {
    /** The rectification office (role {@code office}). */
    OFFICE,
    /** A user of the petition's lead unit. */
    LEAD_UNIT
}
