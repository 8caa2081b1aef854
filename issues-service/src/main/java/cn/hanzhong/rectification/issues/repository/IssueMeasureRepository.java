package cn.hanzhong.rectification.issues.repository;

import cn.hanzhong.rectification.issues.domain.IssueMeasure;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IssueMeasureRepository implements PanacheRepositoryBase<IssueMeasure, IssueMeasure.Key> {

    public List<IssueMeasure> ofIssue(UUID issueId) {
        return find("key.issueId", Sort.ascending("key.seq"), issueId).list();
    }
}
