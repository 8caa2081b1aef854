package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.petitions.domain.PetitionStatus;
import cn.hanzhong.rectification.petitions.domain.PollutionType;
import cn.hanzhong.rectification.petitions.repository.PetitionFilter;
import cn.hanzhong.rectification.petitions.repository.PetitionRepository;
import cn.hanzhong.rectification.petitions.service.command.Publish;
import cn.hanzhong.rectification.platform.errors.IllegalTransitionException;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Public disclosure (信息公开) of petition outcomes in the inspection teams' table layout. The office
 * previews the pseudonymised texts, then publishes them; the public reads only what was published.
 */
@ApplicationScoped
@Transactional
public class DisclosureService {

    /** Concluded cases can be published; open ones have nothing to disclose yet. */
    private static final Set<PetitionStatus> PUBLISHABLE =
            EnumSet.of(PetitionStatus.CONCLUDED, PetitionStatus.CLOSED, PetitionStatus.CONFIRMED, PetitionStatus.INVESTIGATING);

    public static final int MAX_EXPORT_ROWS = 100_000;

    private final PetitionRepository petitions;
    private final PetitionService service;
    private final PetitionLocks locks;
    private final PetitionViews views;
    private final PetitionAccess access;
    private final ReporterVault vault;
    private final History history;
    private final ProgrammeClock clock;

    public DisclosureService(PetitionRepository petitions, PetitionService service, PetitionLocks locks,
                             PetitionViews views, PetitionAccess access, ReporterVault vault, History history,
                             ProgrammeClock clock) {
        this.petitions = petitions;
        this.service = service;
        this.locks = locks;
        this.views = views;
        this.access = access;
        this.vault = vault;
        this.history = history;
        this.clock = clock;
    }

    /** What would be published, pseudonymised, for the office to review. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PublicPetition preview(UUID id) {
        access.requireOffice();
        Petition p = service.readable(id);
        return row(p, vault.pseudonymise(p, p.content), vault.pseudonymise(p, p.investigation),
                vault.pseudonymise(p, p.handling.narrative), vault.pseudonymise(p, p.accountabilityNote));
    }

    public PetitionView publish(UUID id, Publish r) {
        access.requireOffice();
        Petition p = locks.forChange(id, null);
        if (!PUBLISHABLE.contains(p.status) || p.finding == null) {
            throw new IllegalTransitionException("PUBLISH", p.status.name(), List.of());
        }
        Publish given = r != null ? r : Publish.AS_PREVIEWED;
        // Reviewed texts are pseudonymised again: a reviewer's slip must not publish a name or number.
        p.publishedContent = vault.pseudonymise(p, given.content() != null ? given.content() : p.content);
        p.publishedInvestigation = vault.pseudonymise(p, given.investigation() != null ? given.investigation() : p.investigation);
        p.publishedHandling = vault.pseudonymise(p, given.handling() != null ? given.handling() : p.handling.narrative);
        p.publishedAccountability = vault.pseudonymise(p,
                given.accountability() != null ? given.accountability() : p.accountabilityNote);
        p.published = true;
        p.publishedAt = clock.now();
        history.action(p, "PUBLISHED", null);
        p.touch(p.publishedAt);
        return views.of(p);
    }

    public PetitionView unpublish(UUID id, String reason) {
        access.requireOffice();
        Petition p = locks.forChange(id, null);
        p.published = false;
        history.action(p, "UNPUBLISHED", reason);
        p.touch(clock.now());
        return views.of(p);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PublicPetition> list(PetitionFilter filter, PageRequest request) {
        return petitions.search(filter, request, clock.today()).map(DisclosureService::published);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PublicPetition> export(PetitionFilter filter) {
        return petitions.all(filter, clock.today(), MAX_EXPORT_ROWS).stream()
                .map(DisclosureService::published).toList();
    }

    static PublicPetition published(Petition p) {
        return row(p, p.publishedContent, p.publishedInvestigation, p.publishedHandling, p.publishedAccountability);
    }

    private static PublicPetition row(Petition p, String content, String investigation, String handling,
                                      String accountability) {
        return new PublicPetition(p.caseNumber, content, p.district.label(),
                p.pollutionTypes.stream().map(t -> PollutionType.valueOf(t).label()).collect(Collectors.joining("、")),
                investigation, p.finding == null ? null : p.finding.label(), handling,
                p.handling.rectificationOrders, p.handling.penaltyCases, p.handling.finesYuan, p.handling.criminalCases,
                p.handling.detentions, p.handling.talks, p.handling.personsHeldAccountable, accountability,
                p.completion == null ? null : p.completion.label());
    }
}
