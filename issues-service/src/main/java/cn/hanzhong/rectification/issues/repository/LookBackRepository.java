package cn.hanzhong.rectification.issues.repository;

import cn.hanzhong.rectification.issues.domain.LookBack;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class LookBackRepository implements PanacheRepositoryBase<LookBack, UUID> {
}
