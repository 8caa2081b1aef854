package cn.hanzhong.rectification.accountability.repository;

import cn.hanzhong.rectification.accountability.domain.TrackedUnit;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class TrackedUnitRepository implements PanacheRepositoryBase<TrackedUnit, String> {
}
