package cn.hanzhong.rectification.issues.repository;

import cn.hanzhong.rectification.issues.domain.DeadlineExtension;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class DeadlineExtensionRepository implements PanacheRepositoryBase<DeadlineExtension, UUID> {
}
