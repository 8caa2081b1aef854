package cn.hanzhong.rectification.issues.repository;

import cn.hanzhong.rectification.issues.domain.ProgressReport;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ProgressReportRepository implements PanacheRepositoryBase<ProgressReport, UUID> {

    /** The percent of the last filed (non-draft) report of {@code unit} (the lead unit: the issue's), if any. */
    public java.util.Optional<Integer> lastPercent(UUID issueId, String unit) {
        return find("issueId = ?1 and draft = false and unit = ?2", io.quarkus.panache.common.Sort.descending("reportedAt"), issueId, unit)
                .firstResultOptional().map(r -> r.percent);
    }

    /** Each unit's last filed report on the issue. */
    public java.util.List<ProgressReport> lastPerUnit(UUID issueId) {
        return getEntityManager().createQuery("""
                        select r from ProgressReport r where r.issueId = :issue and r.draft = false
                        and r.reportedAt = (select max(x.reportedAt) from ProgressReport x
                                            where x.issueId = r.issueId and x.unit = r.unit and x.draft = false)""",
                        ProgressReport.class)
                .setParameter("issue", issueId).getResultList();
    }
}
