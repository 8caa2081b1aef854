package cn.hanzhong.rectification.petitions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;
import java.util.Objects;

/** 处理和整改情况: the narrative and the enforcement counts that bulletins add up. */
@Embeddable
public class Handling {

    @Column(name = "handling_narrative")
    public String narrative;

    @Column(name = "rectification_orders")
    public int rectificationOrders;

    @Column(name = "penalty_cases")
    public int penaltyCases;

    @Column(name = "fines_yuan")
    public BigDecimal finesYuan = BigDecimal.ZERO;

    @Column(name = "criminal_cases")
    public int criminalCases;

    public int detentions;

    public int talks;

    @Column(name = "persons_held_accountable")
    public int personsHeldAccountable;

    @Override
    public boolean equals(Object o) {
        return o instanceof Handling h && Objects.equals(narrative, h.narrative)
                && rectificationOrders == h.rectificationOrders && penaltyCases == h.penaltyCases
                && finesYuan.compareTo(h.finesYuan) == 0 && criminalCases == h.criminalCases
                && detentions == h.detentions && talks == h.talks && personsHeldAccountable == h.personsHeldAccountable;
    }

    @Override
    public int hashCode() {
        return Objects.hash(narrative, rectificationOrders, penaltyCases, criminalCases, detentions, talks,
                personsHeldAccountable);
    }
}
