package cn.hanzhong.rectification.platform.reconciliation;

import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.tables.SheetRows;
import cn.hanzhong.rectification.platform.tables.Spreadsheets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reconciliation with the provincial supervision system (省市对账): the province's list — one row per item
 * it knows, with its id, status and deadline — against what this service holds of the same items, item by
 * item. A rule, no storage: each service keeps its runs in its own tables.
 */
public final class Reconciler {

    /** The outcome of one item, with the label the office reads. */
    public enum Outcome {
        MATCHED("一致"), DIFFERENT("不一致"), ONLY_HERE("仅本市有"), ONLY_THERE("仅省级有"), INVALID("无法识别");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Differences first, then what only one side has, then unreadable rows, then the matches. */
        public int rank() {
            return switch (this) {
                case DIFFERENT -> 0;
                case ONLY_THERE -> 1;
                case ONLY_HERE -> 2;
                case INVALID -> 3;
                case MATCHED -> 4;
            };
        }
    }

    /**
     * The columns of the province's list: header names accepted for each (the first non-blank wins), and
     * the names the office is told in problems ({@code idName} etc.).
     */
    public record Columns(List<String> ids, List<String> statuses, List<String> deadlines) {

        public String idName() {
            return ids.get(0);
        }

        public String statusName() {
            return statuses.get(0);
        }

        public String deadlineName() {
            return deadlines.get(0);
        }

        /** A header row: one of the id names and a status or a deadline name. */
        public boolean isHeader(List<String> cells) {
            List<String> names = cells.stream().map(String::strip).toList();
            return names.stream().anyMatch(ids::contains)
                    && (names.stream().anyMatch(statuses::contains) || names.stream().anyMatch(deadlines::contains));
        }

        public String headerHint() {
            return idName() + " and " + statusName() + " or " + deadlineName();
        }
    }

    /** What this side holds of an item the province knows: its id, code, status code and deadline. */
    public record Known(String externalId, java.util.UUID id, String code, String status, LocalDate deadline) {
    }

    /** One item of the result; {@code rowNumber} is the row of the province's list (none for ONLY_HERE). */
    public record Line(String externalId, Integer rowNumber, java.util.UUID id, String code, Outcome outcome,
                       String hereStatus, String thereStatus, LocalDate hereDeadline, LocalDate thereDeadline,
                       List<String> differences, String note) {
    }

    /** The items in the list's order, then what only this side has (by id); the count per outcome. */
    public record Result(List<Line> lines) {

        public int count(Outcome outcome) {
            return (int) lines.stream().filter(l -> l.outcome() == outcome).count();
        }

        public Map<Outcome, Integer> counts() {
            Map<Outcome, Integer> out = new EnumMap<>(Outcome.class);
            for (Outcome o : Outcome.values()) {
                out.put(o, count(o));
            }
            return out;
        }
    }

    private Reconciler() {
    }

    /**
     * Compares the rows of the province's list with {@code known} (every item of this side that the province
     * knows). {@code statusOf} reads the province's status as this side's code (null: not a status here).
     */
    public static Result compare(SheetRows sheet, Columns columns, List<Known> known, Function<String, String> statusOf) {
        Map<String, Known> here = new LinkedHashMap<>();
        known.forEach(k -> here.put(k.externalId(), k));
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int r = 0; r < sheet.rows().size(); r++) {
            Map<String, String> row = sheet.rows().get(r);
            int number = sheet.numbers().get(r);
            String id = cell(row, columns.ids());
            String status = cell(row, columns.statuses());
            String deadline = cell(row, columns.deadlines());
            List<String> problems = new ArrayList<>();
            String thereStatus = status == null ? null : statusOf.apply(status);
            if (status != null && thereStatus == null) {
                problems.add(columns.statusName() + " " + status + " is not a status here");
            }
            LocalDate thereDeadline = null;
            if (deadline != null) {
                thereDeadline = SheetRows.date(deadline);
                if (thereDeadline == null) {
                    problems.add(columns.deadlineName() + " " + deadline + " is not a date");
                }
            }
            if (id == null) {
                problems.add(columns.idName() + " is empty");
            } else if (seen.putIfAbsent(id, number) != null) {
                problems.add(columns.idName() + " " + id + " is also on row " + seen.get(id));
            }
            Known k = id == null ? null : here.get(id);
            List<String> differences = new ArrayList<>();
            Outcome outcome;
            if (!problems.isEmpty()) {
                outcome = Outcome.INVALID;
            } else if (k == null) {
                outcome = Outcome.ONLY_THERE;
            } else {
                if (thereStatus != null && !thereStatus.equals(k.status())) {
                    differences.add("status");
                }
                if (deadline != null && !Objects.equals(thereDeadline, k.deadline())) {
                    differences.add("deadline");
                }
                outcome = differences.isEmpty() ? Outcome.MATCHED : Outcome.DIFFERENT;
            }
            lines.add(new Line(id == null ? "(row " + number + ")" : id, number, k == null ? null : k.id(), k == null ? null : k.code(),
                    outcome, k == null ? null : k.status(), status, k == null ? null : k.deadline(), thereDeadline,
                    List.copyOf(differences), problems.isEmpty() ? null : String.join("; ", problems)));
        }
        here.values().stream().filter(k -> !seen.containsKey(k.externalId())).sorted(Comparator.comparing(Known::externalId))
                .forEach(k -> lines.add(new Line(k.externalId(), null, k.id(), k.code(), Outcome.ONLY_HERE, k.status(), null,
                        k.deadline(), null, List.of(), null)));
        return new Result(List.copyOf(lines));
    }

    /**
     * The sheet the office files: one row per line, differences first as given; {@code idHeader} and
     * {@code codeHeader} name the province's id and this side's code (编号/问题编号, 受理编号/信访件编号).
     */
    public static byte[] xlsx(String idHeader, String codeHeader, List<Line> lines) {
        String[] headers = {idHeader, codeHeader, "对账结果", "不一致项", "本市状态", "省级状态", "本市时限", "省级时限", "行号", "说明"};
        return Spreadsheets.xlsx("对账结果", headers, lines.stream().map(l -> new Object[] {l.externalId(), l.code(),
                l.outcome().label(), String.join("、", l.differences().stream().map(d -> switch (d) {
                    case "status" -> "状态";
                    case "deadline" -> "时限";
                    default -> d;
                }).toList()), l.hereStatus(), l.thereStatus(), l.hereDeadline() == null ? null : l.hereDeadline().toString(),
                l.thereDeadline() == null ? null : l.thereDeadline().toString(), l.rowNumber(), l.note()}).toList());
    }

    /** Whether a run is asked for as XLSX: {@code format=xlsx}, or an Accept of the sheet without JSON; json is the default. */
    public static boolean wantsXlsx(String format, String accept) {
        String f = format != null && !format.isBlank() ? format.strip().toLowerCase(java.util.Locale.ROOT)
                : accept != null && accept.contains(Spreadsheets.XLSX) && !accept.contains("application/json") ? "xlsx" : "json";
        return switch (f) {
            case "json" -> false;
            case "xlsx" -> true;
            default -> throw new InvalidInputException("format", "must be json or xlsx");
        };
    }

    /** The {@code outcome} a reader narrows to: null when none is given, else one of {@link Outcome} (400 otherwise). */
    public static String outcome(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String o = given.strip().toUpperCase(java.util.Locale.ROOT);
        if (java.util.Arrays.stream(Outcome.values()).noneMatch(v -> v.name().equals(o))) {
            throw new InvalidInputException("outcome", "must be MATCHED, DIFFERENT, ONLY_HERE, ONLY_THERE or INVALID");
        }
        return o;
    }

    private static String cell(Map<String, String> row, List<String> names) {
        for (String n : names) {
            String v = row.get(n);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
