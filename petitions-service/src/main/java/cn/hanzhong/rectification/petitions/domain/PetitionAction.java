package cn.hanzhong.rectification.petitions.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The lifecycle of a petition as data: who may act, from which states, to which state. */
public enum PetitionAction implements Labelled {
    ASSIGN("交办", Actor.OFFICE, PetitionStatus.ASSIGNED, PetitionStatus.RECEIVED),
    START_INVESTIGATION("开始调查", Actor.LEAD_UNIT, PetitionStatus.INVESTIGATING, PetitionStatus.ASSIGNED),
    CONCLUDE("办理完毕，报送结果", Actor.LEAD_UNIT, PetitionStatus.CONCLUDED, PetitionStatus.INVESTIGATING),
    RETURN("退回重办", Actor.OFFICE, PetitionStatus.INVESTIGATING, PetitionStatus.CONCLUDED),
    CLOSE("审核办结", Actor.OFFICE, PetitionStatus.CLOSED, PetitionStatus.CONCLUDED),
    CONFIRM("回头看确认整改到位", Actor.OFFICE, PetitionStatus.CONFIRMED, PetitionStatus.CLOSED),
    REOPEN("回头看发现问题，重新办理", Actor.OFFICE, PetitionStatus.INVESTIGATING, PetitionStatus.CLOSED, PetitionStatus.CONFIRMED),
    MARK_DUPLICATE("重复件", Actor.OFFICE, PetitionStatus.DUPLICATE,
            PetitionStatus.RECEIVED, PetitionStatus.ASSIGNED, PetitionStatus.INVESTIGATING);

    private final String label;
    private final Actor actor;
    private final PetitionStatus target;
    private final Set<PetitionStatus> from;

    PetitionAction(String label, Actor actor, PetitionStatus target, PetitionStatus... from) {
        this.label = label;
        this.actor = actor;
        this.target = target;
        this.from = EnumSet.copyOf(Arrays.asList(from));
    }

    @Override
    public String label() {
        return label;
    }

    public Actor actor() {
        return actor;
    }

    public PetitionStatus target() {
        return target;
    }

    public boolean isAllowedFrom(PetitionStatus status) {
        return from.contains(status);
    }

    public static List<PetitionAction> allowed(PetitionStatus status, Set<Actor> actors) {
        return Arrays.stream(values()).filter(a -> actors.contains(a.actor) && a.isAllowedFrom(status)).toList();
    }
}
