package cn.hanzhong.rectification.accountability.service;

import cn.hanzhong.rectification.accountability.domain.LegalBasis;
import cn.hanzhong.rectification.accountability.repository.LegalBasisRepository;
import cn.hanzhong.rectification.accountability.service.command.AddLegalBasis;
import cn.hanzhong.rectification.platform.errors.ConflictException;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;
import java.util.function.Function;

/** The catalogue of legal bases that cases cite. */
@ApplicationScoped
@Transactional
public class LegalBasisService {

    private final LegalBasisRepository bases;
    private final ProgrammeClock clock;

    public LegalBasisService(LegalBasisRepository bases, ProgrammeClock clock) {
        this.bases = bases;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<LegalBasis> list(String q, PageRequest request) {
        if (q == null) {
            return Page.of(bases.findAll(request.panacheSort()), request, Function.identity());
        }
        String like = "%" + q.replace("%", "").replace("_", "") + "%";
        return Page.of(bases.find("title like :q or code like :q or situation like :q", request.panacheSort(),
                Parameters.with("q", like)), request, Function.identity());
    }

    public LegalBasis create(AddLegalBasis r) {
        if (bases.count("code", r.code()) > 0) {
            throw new ConflictException("Legal basis " + r.code() + " already exists");
        }
        LegalBasis b = new LegalBasis();
        b.id = UUID.randomUUID();
        b.code = r.code();
        b.title = r.title();
        b.article = r.article();
        b.situation = r.situation();
        b.kind = r.kind();
        b.createdAt = clock.now();
        bases.persist(b);
        return b;
    }
}
