package cn.hanzhong.rectification.platform.security;

/** The roles a token's {@code groups} claim may carry. */
public final class Roles {

    /** 市整改办, the rectification office: runs the programme, sees all data. */
    public static final String OFFICE = "office";
    /** A responsible unit: sees and changes only its own items (lead or cooperating). */
    public static final String UNIT = "unit";
    /** Discipline and accountability bodies (纪检监察, organisation departments). */
    public static final String DISCIPLINE = "discipline";
    /** The provincial supervision system: imports, reads, receives events. */
    public static final String PROVINCE = "province";
    /** Leaders: read-only, everything. */
    public static final String LEADER = "leader";

    private Roles() {
    }
}
