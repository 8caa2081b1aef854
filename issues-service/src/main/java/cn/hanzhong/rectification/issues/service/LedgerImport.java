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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ledger read back from the office's spreadsheet ({@link LedgerSheet} layout, XLSX or CSV, header
 * names matched, column order free): each row created, updated, unchanged or rejected with the fields that
 * are wrong, a hundred rows to a transaction, and a chunk whose row broke a rule redone row by row — so a bad
 * row never loses the good ones and never leaves a half-written issue. Idempotent by 问题编号; what the workflow owns (progress, status, light, sign-off)
 * is never taken from a sheet.
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
        Map<String, String> unitCodes = unitCodes();
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

    private Prepared prepare(int index, int number, Map<String, String> cells, Map<String, String> unitCodes, Set<String> seen) {
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
     * one of them breaks a rule only the database can tell, nothing of the chunk is kept and its rows are applied
     * again each in a transaction of its own, so that row alone is refused and the others are kept. A dry run
     * rolls the chunk back, carrying what its rows would have done.
     */
    private void applyChunk(List<Prepared> chunk, boolean dryRun, RowResult[] results) {
        if (chunk.isEmpty()) {
            return;
        }
        try {
            List<RowResult> done = QuarkusTransaction.requiringNew().call(() -> {
                List<RowResult> out = new ArrayList<>(chunk.size());
                for (Prepared p : chunk) {
                    out.add(apply(p.number(), p.code(), p.parsed()));
                    // Written, and out of the persistence context: the next row's queries flush-check only its own.
                    issues.getEntityManager().flush();
                    issues.getEntityManager().clear();
                }
                if (dryRun) {
                    throw new DryRun(out); // rolls the chunk back: what it would do, with nothing written
                }
                return out;
            });
            fill(chunk, done, results);
        } catch (DryRun d) {
            fill(chunk, d.results, results);
        } catch (ForbiddenException | ProblemException e) {
            if (chunk.size() > 1) {
                for (Prepared p : chunk) {
                    applyChunk(List.of(p), dryRun, results);
                }
                return;
            }
            Prepared p = chunk.get(0);
            List<Problem.Violation> why = e instanceof ProblemException pe && !pe.violations().isEmpty() ? pe.violations()
                    : List.of(new Problem.Violation(LedgerSheet.CODE, e instanceof ForbiddenException
                            ? "only the office may change an existing issue by import" : e.getMessage()));
            results[p.index()] = new RowResult(p.number(), p.code(), OUTCOME_REJECTED, null, why);
        }
    }

    private static void fill(List<Prepared> chunk, List<RowResult> done, RowResult[] results) {
        for (int k = 0; k < chunk.size(); k++) {
            results[chunk.get(k).index()] = done.get(k);
        }
    }

    private RowResult apply(int number, String code, Parsed p) {
        Optional<Issue> known = code == null ? Optional.empty() : issues.find("code", code).firstResultOptional();
        if (known.isEmpty()) {
            IssueContent content = new IssueContent(p.title, null, p.category != null ? p.category : Category.OTHER, List.of(),
                    p.target, null, p.measures, null, null, p.term, p.officials);
            var created = registration.register(new RegisterIssue(code, null, p.source, content, p.deadline, p.leadUnit,
                    p.cooperatingUnits));
            return new RowResult(number, created.view().issue().code, OUTCOME_CREATED, created.view().issue().id, List.of());
        }
        Issue issue = known.get();
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
    private Parsed parse(Map<String, String> cells, Map<String, String> unitCodes, List<Problem.Violation> violations) {
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
        p.leadUnit = lead == null ? null : unit(lead, unitCodes, LedgerSheet.LEAD_UNIT, violations);
        p.cooperatingUnits = split(cells.get(LedgerSheet.COOPERATING_UNITS)).stream()
                .map(u -> unit(u, unitCodes, LedgerSheet.COOPERATING_UNITS, violations)).filter(Objects::nonNull).distinct().toList();
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
    }

    private Map<String, String> unitCodes() {
        Map<String, String> codes = new HashMap<>();
        for (Unit u : units.listAll()) {
            codes.put(u.code, u.code);
            codes.put(u.name, u.code);
        }
        return codes;
    }

    private static String unit(String given, Map<String, String> codes, String column, List<Problem.Violation> violations) {
        String code = codes.get(given.strip());
        if (code == null) {
            violations.add(new Problem.Violation(column, "'" + given + "' is not in the units directory (name or code)"));
        }
        return code;
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
