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

    /**
     * Per lead unit (or district): issues ever signed off (signed off now, or sampled), sampled, checked,
     * confirmed, recurred, paper rectification — in that order after the key.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> figures(boolean byDistrict) {
        String key = byDistrict ? "d.key" : "coalesce(i.lead_unit, '')";
        String from = byDistrict ? "issue i cross join lateral unnest(i.districts) as d(key)" : "issue i";
        return getEntityManager().createNativeQuery("""
                select %s as k,
                       count(*) filter (where i.status = 'SIGNED_OFF' or s.issue_id is not null),
                       count(s.issue_id),
                       count(*) filter (where s.checked > 0),
                       coalesce(sum(s.confirmed), 0), coalesce(sum(s.recurred), 0), coalesce(sum(s.paper), 0)
                from %s
                left join (select issue_id, count(*) filter (where status <> 'ASSIGNED') as checked,
                                  count(*) filter (where status = 'CONFIRMED') as confirmed,
                                  count(*) filter (where status = 'RECURRED') as recurred,
                                  count(*) filter (where status = 'PAPER_RECTIFICATION') as paper
                           from look_back_check group by issue_id) s on s.issue_id = i.id
                group by 1
                having count(*) filter (where i.status = 'SIGNED_OFF' or s.issue_id is not null) > 0
                order by 1""".formatted(key, from)).getResultList();
    }
}
