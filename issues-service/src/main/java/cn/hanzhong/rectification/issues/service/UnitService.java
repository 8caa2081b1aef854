package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.Unit;
import cn.hanzhong.rectification.issues.domain.UnitKind;
import cn.hanzhong.rectification.issues.event.IssueEvents;
import cn.hanzhong.rectification.issues.event.UnitEvents;
import cn.hanzhong.rectification.issues.repository.UnitRepository;
import cn.hanzhong.rectification.platform.errors.ConflictException;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.Problem;
import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The units directory, and the checks other use cases make against it. */
@ApplicationScoped
@Transactional
public class UnitService {

    private final UnitRepository units;
    private final Outbox outbox;

    public UnitService(UnitRepository units, Outbox outbox) {
        this.units = units;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Unit> list(UnitKind kind, Boolean active, String q, PageRequest request) {
        StringBuilder query = new StringBuilder("true = true");
        Parameters params = new Parameters();
        if (kind != null) {
            query.append(" and kind = :kind");
            params.and("kind", kind);
        }
        if (active != null) {
            query.append(" and active = :active");
            params.and("active", active);
        }
        if (q != null && !q.isBlank()) {
            query.append(" and (lower(code) like :q or name like :q)");
            params.and("q", "%" + q.strip().toLowerCase().replace("%", "").replace("_", "") + "%");
        }
        return Page.of(units.find(query.toString(), request.panacheSort(), params), request, Function.identity());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Unit get(String code) {
        return units.findByIdOptional(code).orElseThrow(() -> new ResourceNotFoundException("Unit", code));
    }

    public Unit create(String code, String name, UnitKind kind) {
        if (units.findByIdOptional(code).isPresent()) {
            throw new ConflictException("Unit " + code + " already exists");
        }
        if (units.count("name", name) > 0) {
            throw new ConflictException("A unit named " + name + " already exists");
        }
        Unit u = new Unit();
        u.code = code;
        u.name = name;
        u.kind = kind;
        u.active = true;
        units.persist(u);
        units.flush();
        units.getEntityManager().refresh(u);
        publish(UnitEvents.REGISTERED, u);
        return u;
    }

    /** Takes a unit out of use: it keeps its issues but can no longer be given new ones. */
    public Unit deactivate(String code) {
        return setActive(get(code), false);
    }

    public Unit reactivate(String code) {
        return setActive(get(code), true);
    }

    private Unit setActive(Unit u, boolean active) {
        if (u.active != active) {
            u.active = active;
            publish(UnitEvents.CHANGED, u);
        }
        return u;
    }

    private void publish(String type, Unit u) {
        outbox.publish(IssueEvents.TOPIC, type, u.code, UnitEvents.UnitFacts.of(u));
    }

    /** Names of the given units (for responses that show names beside codes). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> names(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return units.list("code in ?1", codes).stream().collect(Collectors.toMap(u -> u.code, u -> u.name));
    }

    /**
     * Checks the units an issue names: the lead unit and each cooperating unit must be active units,
     * each district an active county-district; every violation is reported against its field (with
     * an index for lists). {@code null}s are not checked.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void validate(String leadUnit, List<String> cooperatingUnits, List<String> districts) {
        List<String> all = named(leadUnit, cooperatingUnits, districts);
        if (all.isEmpty()) {
            return;
        }
        directory(all).validate(leadUnit, cooperatingUnits, districts);
    }

    /** The unit codes an issue names: its lead unit, cooperating units and districts ({@code null}s left out). */
    public static List<String> named(String leadUnit, List<String> cooperatingUnits, List<String> districts) {
        List<String> all = new ArrayList<>();
        Stream.of(leadUnit == null ? List.<String>of() : List.of(leadUnit), orEmpty(cooperatingUnits), orEmpty(districts))
                .forEach(all::addAll);
        return all;
    }

    /** The units of {@code codes}, read in one query, to check many issues against ({@link Directory#validate}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Directory directory(Collection<String> codes) {
        Set<String> distinct = new HashSet<>(codes);
        return new Directory(distinct.isEmpty() ? Map.of()
                : units.list("code in ?1", distinct).stream().collect(Collectors.toMap(u -> u.code, u -> u)));
    }

    /** Units read once, checked for many issues. */
    public static final class Directory {
        private final Map<String, Unit> found;

        private Directory(Map<String, Unit> found) {
            this.found = found;
        }

        /** As {@link UnitService#validate}, against the units read; a code not read is unknown. */
        public void validate(String leadUnit, List<String> cooperatingUnits, List<String> districts) {
            List<Problem.Violation> violations = new ArrayList<>();
            if (leadUnit != null) {
                check(found, "leadUnit", leadUnit, null).ifPresent(violations::add);
            }
            checkEach(found, "cooperatingUnits", orEmpty(cooperatingUnits), null, violations);
            checkEach(found, "districts", orEmpty(districts), UnitKind.COUNTY_DISTRICT, violations);
            if (!violations.isEmpty()) {
                throw new InvalidInputException(violations);
            }
        }
    }

    private static void checkEach(Map<String, Unit> found, String field, List<String> codes, UnitKind kind,
                                  List<Problem.Violation> into) {
        for (int i = 0; i < codes.size(); i++) {
            check(found, field + "[" + i + "]", codes.get(i), kind).ifPresent(into::add);
        }
    }

    private static Optional<Problem.Violation> check(Map<String, Unit> found, String field, String code, UnitKind kind) {
        Unit u = found.get(code);
        if (u == null) {
            return Optional.of(new Problem.Violation(field, "unknown unit code " + code));
        } else if (!u.active) {
            return Optional.of(new Problem.Violation(field, "unit " + code + " is deactivated"));
        } else if (kind != null && u.kind != kind) {
            return Optional.of(new Problem.Violation(field, code + " is not a " + kind.name()));
        }
        return Optional.empty();
    }

    private static List<String> orEmpty(List<String> codes) {
        return codes == null ? List.of() : codes;
    }
}
