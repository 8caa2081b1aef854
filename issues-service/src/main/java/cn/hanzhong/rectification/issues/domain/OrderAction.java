package cn.hanzhong.rectification.issues.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The lifecycle of a supervision order as data: who may act, from where, to where. */
public enum OrderAction implements Labelled {
    RESPOND("反馈", Actor.ADDRESSED_UNIT, Set.of(OrderStatus.ISSUED, OrderStatus.RETURNED), OrderStatus.RESPONDED),
    RETURN("退办", Actor.OFFICE, Set.of(OrderStatus.RESPONDED), OrderStatus.RETURNED),
    CLOSE("办结", Actor.OFFICE, Set.of(OrderStatus.RESPONDED), OrderStatus.CLOSED),
    WITHDRAW("撤回", Actor.OFFICE, Set.of(OrderStatus.ISSUED, OrderStatus.RESPONDED, OrderStatus.RETURNED), OrderStatus.WITHDRAWN);

    /** Who takes an action. */
    public enum Actor { OFFICE, ADDRESSED_UNIT }

    private final String label;
    private final Actor actor;
    private final Set<OrderStatus> from;
    private final OrderStatus to;

    OrderAction(String label, Actor actor, Set<OrderStatus> from, OrderStatus to) {
        this.label = label;
        this.actor = actor;
        this.from = from;
        this.to = to;
    }

    @Override
    public String label() {
        return label;
    }

    public Actor actor() {
        return actor;
    }

    public boolean allowedFrom(OrderStatus status) {
        return from.contains(status);
    }

    public OrderStatus target() {
        return to;
    }

    /** What {@code actors} may do to an order in {@code status}. */
    public static List<OrderAction> allowed(OrderStatus status, Set<Actor> actors) {
        return Arrays.stream(values()).filter(a -> a.allowedFrom(status) && actors.contains(a.actor)).toList();
    }
}
