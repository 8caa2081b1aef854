package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.config.IssuesConfig;
import cn.hanzhong.rectification.issues.domain.Category;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.domain.IssueSource;
import cn.hanzhong.rectification.issues.domain.ResponsibleOfficial;
import cn.hanzhong.rectification.issues.domain.Term;
import cn.hanzhong.rectification.issues.domain.Unit;
import cn.hanzhong.rectification.issues.repository.IssueRepository;
import cn.hanzhong.rectification.issues.repository.UnitRepository;
import cn.hanzhong.rectification.issues.service.command.EditIssue;
import cn.hanzhong.rectification.issues.service.command.IssueContent;
import cn.hanzhong.rectification.issues.service.command.RegisterIssue;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.Problem;
import cn.hanzhong.rectification.platform.errors.ProblemException;
import cn.hanzhong.rectification.platform.tables.SheetRows;
import cn.hanzhong.rectification.platform.vocabulary.Labelled;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.poi.ss.usermodel.Row;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The ledger read back from the office's spreadsheet ({@link LedgerSheet} layout, XLSX or CSV, header
 * names matched, column order free): each row created, updated, unchanged or rejected with the fields that
 * are wrong, a hundred rows to a transaction (their new issues registered together), and a chunk whose row broke a
 * rule applied again without it — so a bad row never loses the good ones and never leaves a half-written issue.
 * Idempotent by 问题编号; what the workflow owns (progress, status, light, sign-off) is never taken from a sheet.
 */
@ApplicationScoped
public class LedgerImport {

    public static final String CATEGORY = "问题类别";
    public static final String OUTCOME_CREATED = "CREATED";
    public static final String OUTCOME_UPDATED = "UPDATED";
    public static final String OUTCOME_UNCHANGED = "UNCHANGED";
    public static final String OUTCOME_REJECTED = "REJECTED";
    private static final String REASON = "台账导入";
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d+\\s*[.、．)）]\\s*");
    private static final Pattern OFFICIAL = Pattern.compile("^(.+?)[（(](.*)[)）]$");

    /** One row of the sheet and what became of it. */
    @Schema(name = "LedgerImportRow")
    public record RowResult(@Schema(description = "Row number in the sheet (1-based, as Excel shows it)") int row,
                            String code,
                            @Schema(enumeration = {OUTCOME_CREATED, OUTCOME_UPDATED, OUTCOME_UNCHANGED, OUTCOME_REJECTED}) String outcome,
                            UUID issueId, List<Problem.Violation> violations) {
    }

    @Schema(name = "LedgerImportReport")
    public record Report(@Schema(description = "Nothing was written (dryRun=true)") boolean dryRun, int rows, int created,
                         int updated, int unchanged, int rejected, List<RowResult> results) {
    }

    private final IssueRepository issues;
    private final UnitRepository units;
    private final IssueRegistration registration;
    private final IssueEditing editing;
    /** Rows applied in one transaction ({@code issues.ledger-import-chunk}). */
    private final int chunkSize;

    public LedgerImport(IssueRepository issues, UnitRepository units, IssueRegistration registration, IssueEditing editing,
                        IssuesConfig config) {
        this.chunkSize = Math.max(1, config.ledgerImportChunk());
        this.issues = issues;
        this.units = units;
        this.registration = registration;
        this.editing = editing;
    }

    public Report importSheet(byte[] file, String contentType, boolean dryRun) {
        SheetRows sheet = SheetRows.read(file, contentType, LedgerImport::isHeader, LedgerSheet.CODE + " and " + LedgerSheet.PROBLEM);
        List<Map<String, String>> rows = sheet.rows();
        List<Integer> numbers = sheet.numbers();
        Map<String, Unit> unitCodes = unitCodes();
        RowResult[] results = new RowResult[rows.size()];
        Set<String> seen = new HashSet<>();
        List<Prepared> chunk = new ArrayList<>(chunkSize);
        for (int i = 0; i < rows.size(); i++) {
            Prepared p = prepare(i, numbers.get(i), rows.get(i), unitCodes, seen);
            if (p.rejected != null) {
                results[i] = p.rejected;
                continue;
            }
            chunk.add(p);
            if (chunk.size() == chunkSize) {
                applyChunk(chunk, dryRun, results);
                chunk.clear();
            }
        }
        applyChunk(chunk, dryRun, results);
        List<RowResult> all = Arrays.asList(results);
        return new Report(dryRun, all.size(), count(all, OUTCOME_CREATED), count(all, OUTCOME_UPDATED),
                count(all, OUTCOME_UNCHANGED), count(all, OUTCOME_REJECTED), all);
    }

    /** A row read and checked on its own: the values to apply, or the row's rejection. */
    private record Prepared(int index, int number, String code, Parsed parsed, RowResult rejected) {
    }

    private Prepared prepare(int index, int number, Map<String, String> cells, Map<String, Unit> unitCodes, Set<String> seen) {
        List<Problem.Violation> violations = new ArrayList<>();
        String code = blankToNull(cells.get(LedgerSheet.CODE));
        Parsed p = parse(cells, unitCodes, violations);
        if (code != null && code.length() > 40) {
            violations.add(new Problem.Violation(LedgerSheet.CODE, "may be at most 40 characters"));
        } else if (code != null && !seen.add(code)) {
            violations.add(new Problem.Violation(LedgerSheet.CODE, code + " appears twice in the sheet"));
        }
        return violations.isEmpty() ? new Prepared(index, number, code, p, null)
                : new Prepared(index, number, code, null, new RowResult(number, code, OUTCOME_REJECTED, null, violations));
    }

    /**
     * Applies up to {@code chunkSize} checked rows in one transaction (one commit, the statements of many rows). When
     * one of them breaks a rule only the ledger can tell, nothing of the chunk is kept: a known issue's row refused as
     * it is updated is reported and the rest of the chunk applied again without it; a refusal among the new rows
     * (registered together) has the chunk's rows applied again each in a transaction of its own. Either way that row
     * alone is refused and the others are kept. A dry run rolls the chunk back, carrying what its rows would have done.
     */
    private void applyChunk(List<Prepared> chunk, boolean dryRun, RowResult[] results) {
        if (chunk.isEmpty()) {
            return;
        }
        try {
            List<RowResult> done = QuarkusTransaction.requiringNew().call(() -> {
                List<RowResult> out = applyAll(chunk);
                if (dryRun) {
                    throw new DryRun(out); // rolls the chunk back: what it would do, with nothing written
                }
                return out;
            });
            fill(chunk, done, results);
        } catch (DryRun d) {
            fill(chunk, d.results, results);
        } catch (RowRefused r) {
            // That row is refused as it would be on its own (the rows before it were applied as they will be again);
            // the rest of the chunk is applied again without it, still in one transaction.
            results[chunk.get(r.position).index()] = refused(chunk.get(r.position), r.reason);
            List<Prepared> rest = new ArrayList<>(chunk);
            rest.remove(r.position);
            applyChunk(rest, dryRun, results);
        } catch (ForbiddenException | ProblemException e) {
            if (chunk.size() > 1) {
                for (Prepared p : chunk) {
                    applyChunk(List.of(p), dryRun, results);
                }
                return;
            }
            results[chunk.get(0).index()] = refused(chunk.get(0), e);
        }
    }

    private static RowResult refused(Prepared p, RuntimeException e) {
        List<Problem.Violation> why = e instanceof ProblemException pe && !pe.violations().isEmpty() ? pe.violations()
                : List.of(new Problem.Violation(LedgerSheet.CODE, e instanceof ForbiddenException
                        ? "only the office may change an existing issue by import" : e.getMessage()));
        return new RowResult(p.number(), p.code(), OUTCOME_REJECTED, null, why);
    }

    private static void fill(List<Prepared> chunk, List<RowResult> done, RowResult[] results) {
        for (int k = 0; k < chunk.size(); k++) {
            results[chunk.get(k).index()] = done.get(k);
        }
    }

    /**
     * The chunk's rows in its transaction: the codes it names looked up in one query, each known issue updated on its
     * own, and the new ones registered together ({@link IssueRegistration#registerAll}: their issues, history lines and
     * events each in one statement).
     */
    private List<RowResult> applyAll(List<Prepared> chunk) {
        Set<String> codes = chunk.stream().map(Prepared::code).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, Issue> known = codes.isEmpty() ? Map.of()
                : issues.list("code in ?1", codes).stream().collect(Collectors.toMap(i -> i.code, i -> i));
        RowResult[] out = new RowResult[chunk.size()];
        List<Integer> fresh = new ArrayList<>();
        for (int k = 0; k < chunk.size(); k++) {
            Prepared p = chunk.get(k);
            Issue issue = p.code() == null ? null : known.get(p.code());
            if (issue == null) {
                if (!p.parsed().deactivated.isEmpty()) {
                    throw new RowRefused(k, new InvalidInputException(p.parsed().deactivated));
                }
                fresh.add(k);
                continue;
            }
            try {
                out[k] = update(p.number(), issue, p.parsed());
            } catch (ForbiddenException | ProblemException e) {
                throw new RowRefused(k, e);
            }
            // Written, and out of the persistence context: the next row's queries flush-check only its own.
            issues.getEntityManager().flush();
            issues.getEntityManager().clear();
        }
        List<Issue> created = registration.registerAll(fresh.stream().map(k -> {
            Parsed p = chunk.get(k).parsed();
            IssueContent content = new IssueContent(p.title, null, p.category != null ? p.category : Category.OTHER, List.of(),
                    p.target, null, p.measures, null, null, p.term, p.officials);
            return new RegisterIssue(chunk.get(k).code(), null, p.source, content, p.deadline, p.leadUnit, p.cooperatingUnits);
        }).toList());
        for (int j = 0; j < fresh.size(); j++) {
            Issue issue = created.get(j);
            out[fresh.get(j)] = new RowResult(chunk.get(fresh.get(j)).number(), issue.code, OUTCOME_CREATED, issue.id, List.of());
        }
        // Nothing changes them after this: the commit need not dirty-check each again.
        issues.getEntityManager().clear();
        return Arrays.asList(out);
    }

    private RowResult update(int number, Issue issue, Parsed p) {
        List<Problem.Violation> refused = new ArrayList<>();
        if (p.source != issue.source) {
            refused.add(new Problem.Violation(LedgerSheet.SOURCE, "is " + issue.source.label() + "; the source of an issue does not change"));
        }
        if (!Objects.equals(p.leadUnit, issue.leadUnit)) {
            refused.add(new Problem.Violation(LedgerSheet.LEAD_UNIT, "changes through ASSIGN (交办), not through an import"));
        }
        if (!refused.isEmpty()) {
            throw new InvalidInputException(refused);
        }
        boolean titleChanged = !p.title.equals(issue.title);
        boolean targetChanged = !Objects.equals(nz(p.target), nz(issue.target));
        boolean measuresChanged = !p.measures.equals(issue.measures);
        boolean officialsChanged = !p.officials.equals(issue.responsibleOfficials);
        boolean categoryChanged = p.category != null && p.category != issue.category;
        boolean termChanged = p.term != null && p.term != issue.term;
        boolean deadlineChanged = p.deadline != null && !p.deadline.equals(issue.deadline);
        boolean cooperatingChanged = !new HashSet<>(p.cooperatingUnits).equals(new HashSet<>(issue.cooperatingUnits));
        if (!(titleChanged || targetChanged || measuresChanged || officialsChanged || categoryChanged || termChanged
                || deadlineChanged || cooperatingChanged)) {
            return new RowResult(number, issue.code, OUTCOME_UNCHANGED, issue.id, List.of());
        }
        IssueContent content = new IssueContent(titleChanged ? p.title : null, null, categoryChanged ? p.category : null, null,
                targetChanged ? nz(p.target) : null, null, measuresChanged ? p.measures : null, null, null,
                termChanged ? p.term : null, officialsChanged ? p.officials : null);
        editing.edit(issue.id, new EditIssue(content, deadlineChanged ? p.deadline : null,
                cooperatingChanged ? p.cooperatingUnits : null, REASON), null);
        return new RowResult(number, issue.code, OUTCOME_UPDATED, issue.id, List.of());
    }

    /** A row's cells as the values of an issue, every wrong one reported by its column's header. */
    private Parsed parse(Map<String, String> cells, Map<String, Unit> unitCodes, List<Problem.Violation> violations) {
        Parsed p = new Parsed();
        p.title = blankToNull(cells.get(LedgerSheet.PROBLEM));
        if (p.title == null) {
            violations.add(new Problem.Violation(LedgerSheet.PROBLEM, "is required"));
        } else if (p.title.length() > 300) {
            violations.add(new Problem.Violation(LedgerSheet.PROBLEM, "may be at most 300 characters"));
        }
        p.source = label(cells.get(LedgerSheet.SOURCE), IssueSource.class, IssueSource.REPORT, LedgerSheet.SOURCE, violations);
        p.category = label(cells.get(CATEGORY), Category.class, null, CATEGORY, violations);
        p.target = blankToNull(cells.get(LedgerSheet.TARGET));
        p.measures = lines(cells.get(LedgerSheet.MEASURES)).stream().map(m -> NUMBERED.matcher(m).replaceFirst("").strip())
                .filter(m -> !m.isEmpty()).toList();
        String lead = blankToNull(cells.get(LedgerSheet.LEAD_UNIT));
        p.leadUnit = lead == null ? null : unit(lead, unitCodes, LedgerSheet.LEAD_UNIT, violations, p.deactivated);
        p.cooperatingUnits = split(cells.get(LedgerSheet.COOPERATING_UNITS)).stream()
                .map(u -> unit(u, unitCodes, LedgerSheet.COOPERATING_UNITS, violations, p.deactivated))
                .filter(Objects::nonNull).distinct().toList();
        p.officials = split(cells.get(LedgerSheet.OFFICIALS)).stream().map(o -> {
            Matcher m = OFFICIAL.matcher(o);
            return m.matches() ? new ResponsibleOfficial(m.group(1).strip(), blankToNull(m.group(2))) : new ResponsibleOfficial(o, null);
        }).toList();
        String deadline = blankToNull(cells.get(LedgerSheet.DEADLINE));
        if (deadline != null) {
            p.deadline = SheetRows.date(deadline);
            if (p.deadline == null) {
                p.term = Arrays.stream(Term.values()).filter(t -> t.label().equals(deadline) || t.name().equals(deadline))
                        .findFirst().orElse(null);
                if (p.term == null) {
                    violations.add(new Problem.Violation(LedgerSheet.DEADLINE, "'" + deadline + "' is neither a date (YYYY-MM-DD) nor "
                            + Arrays.stream(Term.values()).map(Term::label).toList()));
                }
            }
        }
        return p;
    }

    /** Ends a chunk's transaction by rollback when the update of the row at {@code position} was refused. */
    private static final class RowRefused extends RuntimeException {
        final int position;
        final transient RuntimeException reason;

        RowRefused(int position, RuntimeException reason) {
            super(null, null, false, false);
            this.position = position;
            this.reason = reason;
        }
    }

    /** Ends a dry run's transaction by rollback, carrying what its rows would have done. */
    private static final class DryRun extends RuntimeException {
        final transient List<RowResult> results;

        DryRun(List<RowResult> results) {
            super(null, null, false, false);
            this.results = results;
        }
    }

    private static final class Parsed {
        String title;
        IssueSource source;
        Category category;
        String target;
        List<String> measures;
        String leadUnit;
        List<String> cooperatingUnits;
        List<ResponsibleOfficial> officials;
        LocalDate deadline;
        Term term;
        /** Deactivated units the row names: a new issue may not name them. */
        final List<Problem.Violation> deactivated = new ArrayList<>();
    }

    private Map<String, Unit> unitCodes() {
        Map<String, Unit> codes = new HashMap<>();
        for (Unit u : units.listAll()) {
            codes.put(u.code, u);
            codes.put(u.name, u);
        }
        return codes;
    }

    /**
     * The code of the unit {@code given} by name or code; an unknown one is a violation, a deactivated one is noted in
     * {@code deactivated}: it refuses a new issue, while a known issue that still names it may be imported unchanged.
     */
    private static String unit(String given, Map<String, Unit> codes, String column, List<Problem.Violation> violations,
                               List<Problem.Violation> deactivated) {
        Unit unit = codes.get(given.strip());
        if (unit == null) {
            violations.add(new Problem.Violation(column, "'" + given + "' is not in the units directory (name or code)"));
            return null;
        }
        if (!unit.active) {
            deactivated.add(new Problem.Violation(column, "'" + given + "' is deactivated"));
        }
        return unit.code;
    }

    private static <E extends Enum<E> & Labelled> E label(String given, Class<E> type, E otherwise, String column,
                                                          List<Problem.Violation> violations) {
        String v = blankToNull(given);
        if (v == null) {
            return otherwise;
        }
        for (E e : type.getEnumConstants()) {
            if (e.label().equals(v) || e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        violations.add(new Problem.Violation(column, "'" + v + "' is none of "
                + Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList()));
        return otherwise;
    }

    private static List<String> lines(String cell) {
        return cell == null ? List.of() : Arrays.asList(cell.split("\\r?\\n"));
    }

    private static List<String> split(String cell) {
        return cell == null || cell.isBlank() ? List.of()
                : Arrays.stream(cell.split("[、，,;；\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static int count(List<RowResult> results, String outcome) {
        return (int) results.stream().filter(r -> r.outcome().equals(outcome)).count();
    }

    private static boolean isHeader(List<String> cells) {
        return cells.stream().map(String::strip).anyMatch(c -> c.equals(LedgerSheet.CODE))
                && cells.stream().map(String::strip).anyMatch(c -> c.equals(LedgerSheet.PROBLEM));
    }
}
