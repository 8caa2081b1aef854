package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.petitions.domain.PetitionAction;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.enterprise.context.ApplicationScoped;

/** The values derived from a petition for the caller. */
@ApplicationScoped
public class PetitionViews {

    private final PetitionAccess access;
    private final ProgrammeClock clock;

    public PetitionViews(PetitionAccess access, ProgrammeClock clock) {
        this.access = access;
        this.clock = clock;
    }

    public PetitionView of(Petition p) {
        boolean overdue = p.status.isOpen() && p.deadline != null && p.deadline.isBefore(clock.today());
        return new PetitionView(p, overdue, PetitionAction.allowed(p.status, access.actorsFor(p)));
    }
}
