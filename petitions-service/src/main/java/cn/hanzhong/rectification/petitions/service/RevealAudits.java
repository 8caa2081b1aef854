package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.petitions.domain.ReporterReveal;
import cn.hanzhong.rectification.petitions.repository.PetitionRepository;
import cn.hanzhong.rectification.petitions.repository.ReporterRevealRepository;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** The audit of attempts to reveal a reporter: who, with which roles, when, which case, why, and the outcome. */
@ApplicationScoped
public class RevealAudits {

    public static final String ALLOWED = "ALLOWED";
    public static final String DENIED = "DENIED";

    private final ReporterRevealRepository reveals;
    private final PetitionRepository petitions;
    private final CurrentUser user;
    private final ProgrammeClock clock;

    public RevealAudits(ReporterRevealRepository reveals, PetitionRepository petitions, CurrentUser user,
                        ProgrammeClock clock) {
        this.reveals = reveals;
        this.petitions = petitions;
        this.user = user;
        this.clock = clock;
    }

    /** Records an allowed reveal in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void allowed(Petition p, String reason) {
        reveals.persist(record(p.id, p, reason, ALLOWED));
    }

    /** Records a refused attempt in a transaction of its own: it stays although the request fails. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void denied(UUID requested, String reason) {
        Petition p = petitions.findById(requested);
        reveals.persist(record(requested, p, reason, DENIED));
    }

    private ReporterReveal record(UUID requested, Petition p, String reason, String outcome) {
        ReporterReveal audit = new ReporterReveal();
        audit.requestedId = requested;
        audit.petitionId = p != null ? p.id : null;
        audit.caseNumber = p != null ? p.caseNumber : null;
        audit.at = clock.now();
        audit.actor = user.subject();
        audit.actorName = user.name();
        audit.actorRoles = String.join(",", user.roles().stream().sorted().toList());
        audit.reason = reason != null ? reason : "";
        audit.outcome = outcome;
        return audit;
    }
}
