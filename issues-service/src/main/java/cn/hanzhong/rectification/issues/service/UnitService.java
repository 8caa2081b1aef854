package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.Unit;
import cn.hanzhong.rectification.issues.domain.UnitKind;
import cn.hanzhong.rectification.issues.repository.UnitRepository;
import cn.hanzhong.rectification.platform.errors.ConflictException;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.Problem;
import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The units directory, and the checks other use cases make against it. */
@ApplicationScoped
@Transactional
public class UnitService {

    private final UnitRepository units;

    public UnitService(UnitRepository units) {
        this.units = units;
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
        return u;
    }

    public Unit setActive(String code, boolean active) {
        Unit u = get(code);
        u.active = active;
        return u;
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
     * Checks that each code names an active unit (of {@code kind}, when given); violations are
     * reported against {@code field} (with an index for lists).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireActive(String field, List<String> codes, boolean indexed, UnitKind kind) {
        if (codes == null || codes.isEmpty()) {
            return;
        }
        Map<String, Unit> found = units.list("code in ?1", codes).stream()
                .collect(Collectors.toMap(u -> u.code, u -> u));
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            String name = indexed ? field + "[" + i + "]" : field;
            Unit u = found.get(code);
            if (u == null) {
                violations.add(new Problem.Violation(name, "unknown unit code " + code));
            } else if (!u.active) {
                violations.add(new Problem.Violation(name, "unit " + code + " is deactivated"));
            } else if (kind != null && u.kind != kind) {
                violations.add(new Problem.Violation(name, code + " is not a " + kind.name()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
