package cn.hanzhong.rectification.issues.repository;

import cn.hanzhong.rectification.issues.domain.ProgressReport;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ProgressReportRepository implements PanacheRepositoryBase<ProgressReport, UUID> {

    /** The percent of the issue's last filed (non-draft) report, if any. */
    public java.util.Optional<Integer> lastPercent(UUID issueId) {
        return find("issueId = ?1 and draft = false", io.quarkus.panache.common.Sort.descending("reportedAt"), issueId)
                .firstResultOptional().map(r -> r.percent);
    }
}
