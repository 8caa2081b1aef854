package cn.hanzhong.rectification.issues.repository;

import cn.hanzhong.rectification.issues.domain.Unit;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<Unit, String> {
}
