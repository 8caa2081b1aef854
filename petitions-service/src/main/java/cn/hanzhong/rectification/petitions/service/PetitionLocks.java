package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.petitions.repository.PetitionRepository;
import cn.hanzhong.rectification.platform.lifecycle.Versions;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** How every change starts: the petition read with a row lock, 404 if invisible, 412 if {@code If-Match} is stale. */
@ApplicationScoped
public class PetitionLocks {

    private final PetitionRepository petitions;
    private final PetitionAccess access;

    public PetitionLocks(PetitionRepository petitions, PetitionAccess access) {
        this.petitions = petitions;
        this.access = access;
    }

    public Petition forChange(UUID id, Integer ifMatch) {
        Petition p = access.readable(petitions.findForUpdate(id).orElse(null), id);
        Versions.requireCurrent(ifMatch, p.version);
        return p;
    }
}
