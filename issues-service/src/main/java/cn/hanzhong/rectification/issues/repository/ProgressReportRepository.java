package cn.hanzhong.rectification.issues.repository;

import cn.hanzhong.rectification.issues.domain.ProgressReport;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ProgressReportRepository implements PanacheRepositoryBase<ProgressReport, UUID> {
}
