package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.config.PetitionsConfig;
import cn.hanzhong.rectification.petitions.domain.HistoryEntry;
import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.petitions.domain.PetitionBatch;
import cn.hanzhong.rectification.petitions.domain.PetitionStatus;
import cn.hanzhong.rectification.petitions.event.PetitionEvents;
import cn.hanzhong.rectification.petitions.repository.HistoryEntryRepository;
import cn.hanzhong.rectification.petitions.repository.PetitionBatchRepository;
import cn.hanzhong.rectification.petitions.repository.PetitionRepository;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.Problem;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Batch intake: idempotent by batch number and by each case's acceptance number. Every row is
 * checked on its own; a bad row is reported and skipped, and never loses the good ones.
 */
@ApplicationScoped
@Transactional
public class BatchService {

    /** A batch header as given by JSON, CSV or XLSX. */
    public record BatchHeader(int number, LocalDate receivedOn, Integer deadlineWorkingDays, String note) {
    }

    /** One row: either a case or the reasons it could not be read. */
    public record Row(PetitionCase value, List<Problem.Violation> unreadable) {
    }

    private final PetitionBatchRepository batches;
    private final PetitionRepository petitions;
    private final ReporterVault vault;
    private final History history;
    private final HistoryEntryRepository historyLines;
    private final Outbox outbox;
    private final ProgrammeClock clock;
    private final Validator validator;
    private final ObjectMapper mapper;
    private final PetitionsConfig config;

    public BatchService(PetitionBatchRepository batches, PetitionRepository petitions, ReporterVault vault,
                        History history, HistoryEntryRepository historyLines, Outbox outbox, ProgrammeClock clock,
                        Validator validator, ObjectMapper mapper, PetitionsConfig config) {
        this.batches = batches;
        this.petitions = petitions;
        this.vault = vault;
        this.history = history;
        this.historyLines = historyLines;
        this.outbox = outbox;
        this.clock = clock;
        this.validator = validator;
        this.mapper = mapper;
        this.config = config;
    }

    /** Reads JSON rows one by one, so a wrongly typed field rejects its row, not the upload. */
    public List<Row> readJson(List<JsonNode> nodes) {
        List<Row> rows = new ArrayList<>(nodes.size());
        for (JsonNode node : nodes) {
            try {
                rows.add(new Row(mapper.treeToValue(node, PetitionCase.class), List.of()));
            } catch (InvalidFormatException e) {
                String field = path(e);
                String message = e.getTargetType() != null && e.getTargetType().isEnum()
                        ? "must be one of " + Arrays.toString(e.getTargetType().getEnumConstants()) : "has an invalid value";
                rows.add(new Row(null, List.of(new Problem.Violation(field, message))));
            } catch (JsonMappingException e) {
                rows.add(new Row(null, List.of(new Problem.Violation(path(e), "has an invalid value"))));
            } catch (Exception e) {
                rows.add(new Row(null, List.of(new Problem.Violation("row", "is not a case object"))));
            }
        }
        return rows;
    }

    public BatchReport importBatch(BatchHeader header, List<Row> rows) {
        // Checked here, not only on the JSON body: a CSV/XLSX upload passes its header as query parameters.
        if (header.deadlineWorkingDays() != null
                && (header.deadlineWorkingDays() < 1 || header.deadlineWorkingDays() > 365)) {
            throw new InvalidInputException("deadlineWorkingDays",
                    "must be between 1 and 365");
        }
        PetitionBatch batch = batches.findByIdOptional(header.number()).orElse(null);
        OffsetDateTime now = clock.now();
        if (batch == null) {
            batch = new PetitionBatch();
            batch.number = header.number();
            batch.createdAt = now;
            batch.receivedOn = header.receivedOn();
            batch.deadlineWorkingDays = header.deadlineWorkingDays() != null
                    ? header.deadlineWorkingDays() : config.defaultDeadlineWorkingDays();
            batch.note = header.note();
            batch.updatedAt = now;
            batches.persist(batch);
        } else if (!Objects.equals(batch.receivedOn, header.receivedOn())
                || (header.deadlineWorkingDays() != null && header.deadlineWorkingDays() != batch.deadlineWorkingDays)
                || (header.note() != null && !header.note().equals(batch.note))) {
            batch.receivedOn = header.receivedOn();
            if (header.deadlineWorkingDays() != null) {
                batch.deadlineWorkingDays = header.deadlineWorkingDays();
            }
            if (header.note() != null) {
                batch.note = header.note();
            }
            batch.updatedAt = now;
        }

        Set<String> numbers = rows.stream().map(Row::value).filter(Objects::nonNull).map(PetitionCase::caseNumber)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, Petition> existing = new HashMap<>();
        if (!numbers.isEmpty()) {
            petitions.list("caseNumber in ?1", numbers).forEach(p -> existing.put(p.caseNumber, p));
        }

        // The new cases' history lines and events are written in bulk after the loop: one statement each per upload.
        List<HistoryEntry> lines = new ArrayList<>();
        List<Outbox.Pending> events = new ArrayList<>();
        List<BatchReport.Row> report = new ArrayList<>(rows.size());
        Set<String> seen = new HashSet<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int rejected = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            PetitionCase c = row.value();
            List<Problem.Violation> reasons = new ArrayList<>(row.unreadable());
            if (c != null) {
                for (ConstraintViolation<PetitionCase> v : validator.validate(c)) {
                    reasons.add(new Problem.Violation(v.getPropertyPath().toString(), v.getMessage()));
                }
                if (c.caseNumber() != null && !seen.add(c.caseNumber())) {
                    reasons.add(new Problem.Violation("caseNumber", "appears twice in this upload"));
                }
            }
            Petition p = c == null || c.caseNumber() == null ? null : existing.get(c.caseNumber());
            if (reasons.isEmpty() && p != null && !p.batchNumber.equals(header.number())) {
                reasons.add(new Problem.Violation("caseNumber", "belongs to batch " + p.batchNumber));
            }
            if (reasons.isEmpty() && p != null) {
                reasons.addAll(reimportRefusals(p, c));
            }
            if (!reasons.isEmpty()) {
                reasons.sort(Comparator.comparing(Problem.Violation::field));
                report.add(new BatchReport.Row(i + 1, c == null ? null : c.caseNumber(), BatchReport.Outcome.REJECTED,
                        null, reasons));
                rejected++;
                continue;
            }
            if (p == null) {
                p = create(c, header.number(), now);
                lines.add(history.actionLine(p, "RECEIVED", "batch " + header.number()));
                events.add(new Outbox.Pending(PetitionEvents.TOPIC, PetitionEvents.RECEIVED, p.id.toString(),
                        new PetitionEvents.PetitionReceived(PetitionEvents.PetitionFacts.of(p), p.receivedAt)));
                existing.put(c.caseNumber(), p);
                report.add(new BatchReport.Row(i + 1, c.caseNumber(), BatchReport.Outcome.CREATED, p.id, List.of()));
                created++;
            } else if (update(p, c, now)) {
                report.add(new BatchReport.Row(i + 1, c.caseNumber(), BatchReport.Outcome.UPDATED, p.id, List.of()));
                updated++;
            } else {
                report.add(new BatchReport.Row(i + 1, c.caseNumber(), BatchReport.Outcome.UNCHANGED, p.id, List.of()));
                unchanged++;
            }
        }
        // Written now, the upload's cases leave the session: nothing changes them after this, and the commit would
        // otherwise dirty-check each again, array by array (8 % of an upload's time, deploy/bench/petitions).
        petitions.flush();
        petitions.getEntityManager().clear();
        if (!lines.isEmpty()) {
            historyLines.insertAll(lines); // the lines point at the new petitions, inserted by the flush
            outbox.publishAll(events);
        }
        return new BatchReport(header.number(), created, updated, unchanged, rejected, report);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PetitionBatch> list(PageRequest request) {
        return Page.of(batches.findAll(request.panacheSort()), request, Function.identity());
    }

    /** The case count of each of {@code numbers} (the batches of one page): through the batch-number index, not a scan of every petition. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Integer, Long> caseCounts(java.util.Collection<Integer> numbers) {
        Map<Integer, Long> m = new HashMap<>();
        if (numbers.isEmpty()) {
            return m;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = petitions.getEntityManager()
                .createNativeQuery("select batch_number, count(*) from petition where batch_number in (:numbers) group by 1")
                .setParameter("numbers", numbers).getResultList();
        rows.forEach(r -> m.put(((Number) r[0]).intValue(), ((Number) r[1]).longValue()));
        return m;
    }

    private Petition create(PetitionCase c, int batch, OffsetDateTime now) {
        Petition p = new Petition();
        p.id = UUID.randomUUID();
        p.caseNumber = c.caseNumber();
        p.batchNumber = batch;
        p.status = PetitionStatus.RECEIVED;
        apply(p, c);
        vault.store(p, reporter(c.reporter()));
        p.createdAt = now;
        p.updatedAt = now;
        petitions.persist(p);
        return p;
    }

    /**
     * Why a re-imported row may not touch an existing case: the reporter never changes through a
     * re-import, and once the case left RECEIVED (assigned, investigated, answered, published) the
     * province's file no longer rewrites it. An identical row is never refused.
     */
    private List<Problem.Violation> reimportRefusals(Petition p, PetitionCase c) {
        List<Problem.Violation> refusals = new ArrayList<>();
        if (vault.differs(p, reporter(c.reporter()))) {
            refusals.add(new Problem.Violation("reporter", "the reporter of an imported case is never changed by a "
                    + "re-import; ask the office to correct it"));
        }
        if (p.status != PetitionStatus.RECEIVED && wouldChange(p, c)) {
            refusals.add(new Problem.Violation("caseNumber", "case " + p.caseNumber + " is " + p.status
                    + "; a re-import may change a case only while it is RECEIVED"));
        }
        return refusals;
    }

    private boolean wouldChange(Petition p, PetitionCase c) {
        return !Objects.equals(p.receivedAt, c.receivedAt()) || !Objects.equals(p.channel, c.channel())
                || p.priority != Boolean.TRUE.equals(c.priority()) || !Objects.equals(p.content, c.content())
                || !Objects.equals(p.location, c.location()) || !Objects.equals(p.district, c.district())
                || !Objects.equals(p.pollutionTypes, types(c));
    }

    private boolean update(Petition p, PetitionCase c, OffsetDateTime now) {
        boolean changed = false;
        changed |= change(p, "receivedAt", p.receivedAt, c.receivedAt());
        changed |= change(p, "channel", p.channel, c.channel());
        changed |= change(p, "priority", p.priority, Boolean.TRUE.equals(c.priority()));
        changed |= change(p, "content", p.content, c.content());
        changed |= change(p, "location", p.location, c.location());
        changed |= change(p, "district", p.district, c.district());
        changed |= change(p, "pollutionTypes", p.pollutionTypes, types(c));
        boolean reporterChanged = vault.differs(p, reporter(c.reporter()));
        if (changed || reporterChanged) {
            apply(p, c);
            if (reporterChanged) {
                vault.store(p, reporter(c.reporter()));
                // The values are personal data: the history says that they changed, not what to.
                history.change(p, "UPDATED_BY_IMPORT", "reporter", "(previous)", "(changed)", null);
            }
            p.updatedAt = now;
            return true;
        }
        return false;
    }

    private boolean change(Petition p, String field, Object current, Object proposed) {
        if (Objects.equals(current, proposed)) {
            return false;
        }
        // Free text may name the reporter; the history records that it changed, not the text.
        boolean freeText = field.equals("content") || field.equals("location");
        history.change(p, "UPDATED_BY_IMPORT", field, freeText ? "(previous text)" : current,
                freeText ? "(new text)" : proposed, null);
        return true;
    }

    private static void apply(Petition p, PetitionCase c) {
        p.receivedAt = c.receivedAt();
        p.channel = c.channel();
        p.priority = Boolean.TRUE.equals(c.priority());
        p.content = c.content();
        p.location = c.location();
        p.district = c.district();
        p.pollutionTypes = types(c);
        if (p.status == PetitionStatus.RECEIVED) {
            if (c.leadUnit() != null) {
                p.leadUnit = c.leadUnit();
            }
            if (c.cooperatingUnits() != null) {
                p.cooperatingUnits = new ArrayList<>(c.cooperatingUnits());
            }
        }
    }

    private static List<String> types(PetitionCase c) {
        return new ArrayList<>(c.pollutionTypes().stream().map(Enum::name).distinct().toList());
    }

    private static ReporterVault.Reporter reporter(ReporterDto r) {
        return r == null ? null : new ReporterVault.Reporter(Boolean.TRUE.equals(r.anonymous()), r.name(), r.phone(),
                r.idNumber(), r.address());
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
