package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.petitions.domain.PetitionAction;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.UnaryOperator;

/** The values derived from a petition for the caller, and its free text as the caller may read it. */
@ApplicationScoped
public class PetitionViews {

    private final PetitionAccess access;
    private final ProgrammeClock clock;
    private final ReporterVault vault;

    public PetitionViews(PetitionAccess access, ProgrammeClock clock, ReporterVault vault) {
        this.access = access;
        this.clock = clock;
        this.vault = vault;
    }

    public PetitionView of(Petition p) {
        boolean overdue = p.status.isOpen() && p.deadline != null && p.deadline.isBefore(clock.today());
        return new PetitionView(p, overdue, PetitionAction.allowed(p.status, access.actorsFor(p)), text(p));
    }

    /**
     * Free text raw for the office, which may reveal the reporter anyway; pseudonymised for every other
     * reader: units, the leader, the province and discipline see neither the reporter's name nor names
     * after 举报人/来电人/反映人/姓名, phone, ID or bank-card numbers, or e-mail addresses.
     */
    private PetitionView.FreeText text(Petition p) {
        UnaryOperator<String> t = access.actsForOffice() ? UnaryOperator.identity() : vault.pseudonymiser(p);
        return new PetitionView.FreeText(t.apply(p.content), t.apply(p.location), t.apply(p.investigation),
                p.handling == null ? null : t.apply(p.handling.narrative), t.apply(p.accountabilityNote),
                t.apply(p.publicReply), t.apply(p.feedbackNote));
    }
}
