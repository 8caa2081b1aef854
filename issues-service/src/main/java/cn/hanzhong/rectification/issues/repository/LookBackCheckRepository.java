package cn.hanzhong.rectification.issues.repository;

import cn.hanzhong.rectification.issues.domain.LookBackCheck;
import cn.hanzhong.rectification.issues.domain.LookBackOutcome;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LookBackCheckRepository implements PanacheRepositoryBase<LookBackCheck, UUID> {

    public List<LookBackCheck> ofLookBack(UUID lookBackId) {
        return find("lookBackId", Sort.ascending("id"), lookBackId).list();
    }

    /** Whether {@code unit} holds an open check of the issue (and so may read it and add evidence). */
    public boolean checks(UUID issueId, String unit) {
        return count("issueId = ?1 and checkerUnit = ?2 and status = ?3", issueId, unit, LookBackOutcome.ASSIGNED) > 0;
    }
}
