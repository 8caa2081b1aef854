package cn.hanzhong.rectification.petitions.repository;

import cn.hanzhong.rectification.petitions.domain.ReporterReveal;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ReporterRevealRepository implements PanacheRepositoryBase<ReporterReveal, Long> {
}
