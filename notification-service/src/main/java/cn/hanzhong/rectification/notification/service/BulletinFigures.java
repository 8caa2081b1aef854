package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.notification.domain.BulletinContent;
import cn.hanzhong.rectification.notification.event.FiguresEventData;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The rules that turn the owners' figures and the dispatch list into a bulletin's sections (no I/O). */
final class BulletinFigures {

    private BulletinFigures() {
    }

    static BulletinContent of(YearMonth period, FiguresEventData.IssueFigures issues, FiguresEventData.PetitionFigures petitions,
                              FiguresEventData.CaseFigures cases, MonthlyDispatch.DispatchList dispatch, Map<String, String> names) {
        FiguresEventData.IssueStats s = issues.stats();
        FiguresEventData.UnitFigures all = s.programme();
        var overall = new BulletinContent.Overall(s.total(), all.assigned(), all.signedOff(), rate(all.signedOff(), all.assigned()),
                all.overdue(), all.onTimeRate());

        List<BulletinContent.RedItem> red = issues.overdue().stream().map(o -> new BulletinContent.RedItem(o.code(), o.title(),
                o.leadUnit(), names.getOrDefault(o.leadUnit(), o.leadUnit()), o.deadline(), o.daysOverdue())).toList();
        long redTotal = s.byWarningLight().getOrDefault("RED", 0L);

        List<BulletinContent.UnreportedUnit> unreported = dispatch.units().stream().filter(u -> u.missing() > 0)
                .map(u -> new BulletinContent.UnreportedUnit(u.leadUnit(), names.getOrDefault(u.leadUnit(), u.leadUnit()), u.missing(),
                        u.issues().stream().filter(l -> !l.reported()).map(MonthlyDispatch.Line::code).toList()))
                .toList();

        long awaiting = 0, ordersOverdue = 0, responded = 0, closed = 0, returns = 0;
        List<BulletinContent.UnitOrders> orderUnits = new ArrayList<>();
        for (FiguresEventData.OrderCounts c : issues.supervisionOrders()) {
            awaiting += c.awaitingResponse();
            ordersOverdue += c.overdue();
            responded += c.responded();
            closed += c.closed();
            returns += c.returns();
            if (c.awaitingResponse() > 0) {
                orderUnits.add(new BulletinContent.UnitOrders(c.unit(), names.getOrDefault(c.unit(), c.unit()), c.awaitingResponse(),
                        c.overdue()));
            }
        }
        orderUnits.sort(Comparator.comparingLong(BulletinContent.UnitOrders::overdue).reversed()
                .thenComparing(Comparator.comparingLong(BulletinContent.UnitOrders::awaitingResponse).reversed())
                .thenComparing(BulletinContent.UnitOrders::unit));

        FiguresEventData.PetitionStats p = petitions.stats();
        long concluded = p.byStatus().getOrDefault("CLOSED", 0L) + p.byStatus().getOrDefault("CONFIRMED", 0L);
        long duplicates = p.byStatus().getOrDefault("DUPLICATE", 0L);
        var petitionSection = new BulletinContent.Petitions(p.total(), concluded, p.returned(), p.reopened(), duplicates, p.overdue(),
                rate(concluded, p.total() - duplicates));

        FiguresEventData.CaseStats c = cases.stats();
        Map<String, Long> st = c.byStatus();
        long decided = st.getOrDefault("DECIDED", 0L) + st.getOrDefault("CLOSED", 0L);
        long opened = decided + st.getOrDefault("OPENED", 0L) + st.getOrDefault("INVESTIGATING", 0L);
        var accountability = new BulletinContent.Accountability(c.total(), st.getOrDefault("PROPOSED", 0L), opened, decided,
                st.getOrDefault("DISMISSED", 0L), c.personsHeld(), c.unitsHeld());

        return new BulletinContent(period.toString(), issues.asOf(), petitions.asOf(), cases.asOf(), overall, s.byWarningLight(),
                red, redTotal, new BulletinContent.Unreported(dispatch.issues(), dispatch.missing(), unreported),
                new BulletinContent.Orders(awaiting, ordersOverdue, responded, closed, returns, orderUnits), petitionSection,
                accountability, ranking(s.units()));
    }

    /** Lead units by completion rate (highest first; none assigned last), then on-time rate, then fewest overdue, then code. */
    static List<BulletinContent.RankedUnit> ranking(List<FiguresEventData.UnitFigures> units) {
        Comparator<FiguresEventData.UnitFigures> order = Comparator
                .comparing((FiguresEventData.UnitFigures u) -> rate(u.signedOff(), u.assigned()), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(FiguresEventData.UnitFigures::onTimeRate, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparingLong(FiguresEventData.UnitFigures::overdue)
                .thenComparing(FiguresEventData.UnitFigures::unit);
        List<FiguresEventData.UnitFigures> sorted = units.stream().sorted(order).toList();
        List<BulletinContent.RankedUnit> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            FiguresEventData.UnitFigures u = sorted.get(i);
            ranked.add(new BulletinContent.RankedUnit(i + 1, u.unit(), u.unitName(), u.assigned(), u.signedOff(),
                    rate(u.signedOff(), u.assigned()), u.overdue(), u.onTimeRate()));
        }
        return ranked;
    }

    /** A share rounded to four places, null when there is nothing to divide by. */
    static Double rate(long part, long of) {
        return of <= 0 ? null : Math.round(10000.0 * part / of) / 10000.0;
    }
}
