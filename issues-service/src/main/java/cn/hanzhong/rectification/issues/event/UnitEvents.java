package cn.hanzhong.rectification.issues.event;

import cn.hanzhong.rectification.issues.domain.Unit;
import cn.hanzhong.rectification.issues.domain.UnitKind;

/**
 * The units directory on {@link IssueEvents#TOPIC} (key = unit code), so other services learn a unit's
 * name and kind without code lists of their own. The seeded directory is announced once by a migration.
 */
public final class UnitEvents {

    public static final String REGISTERED = "unit.registered";
    public static final String CHANGED = "unit.changed";

    /** A unit as the directory holds it. */
    public record UnitFacts(String code, String name, UnitKind kind, boolean active) {
        public static UnitFacts of(Unit u) {
            return new UnitFacts(u.code, u.name, u.kind, u.active);
        }
    }

    private UnitEvents() {
    }
}
