package cn.hanzhong.rectification.accountability.service;

import cn.hanzhong.rectification.accountability.domain.AccountabilityCase;
import cn.hanzhong.rectification.accountability.domain.CaseAction;
import cn.hanzhong.rectification.accountability.domain.LegalBasis;
import cn.hanzhong.rectification.accountability.repository.LegalBasisRepository;
import cn.hanzhong.rectification.platform.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Cases as readers see them; a page's legal bases are read in one query. */
@ApplicationScoped
public class CaseViews {

    private final LegalBasisRepository bases;

    public CaseViews(LegalBasisRepository bases) {
        this.bases = bases;
    }

    public CaseView of(AccountabilityCase c) {
        return view(c, byId(c.legalBases));
    }

    public Page<CaseView> of(Page<AccountabilityCase> page) {
        Map<UUID, LegalBasis> cited = byId(page.items().stream().flatMap(c -> c.legalBases.stream()).distinct().toList());
        return page.map(c -> view(c, cited));
    }

    private static CaseView view(AccountabilityCase c, Map<UUID, LegalBasis> cited) {
        return new CaseView(c, c.legalBases.stream().map(cited::get).filter(Objects::nonNull).toList(),
                CaseAction.allowed(c.status));
    }

    private Map<UUID, LegalBasis> byId(Collection<UUID> ids) {
        List<LegalBasis> found = ids.isEmpty() ? List.of() : bases.list("id in ?1", ids);
        return found.stream().collect(Collectors.toMap(b -> b.id, Function.identity()));
    }
}
