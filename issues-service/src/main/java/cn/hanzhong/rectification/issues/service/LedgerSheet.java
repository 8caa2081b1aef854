package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.domain.ResponsibleOfficial;
import cn.hanzhong.rectification.issues.domain.WarningLight;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The official ledger layout (整改台账): its columns, in order, and one issue as the cells of a row, every
 * code as its Chinese label, units by name. The export writes it; the import reads the same headers.
 */
public final class LedgerSheet {

    public static final String NUMBER = "序号";
    public static final String CODE = "问题编号";
    public static final String SOURCE = "问题来源";
    public static final String PROBLEM = "问题描述";
    public static final String TARGET = "整改目标";
    public static final String MEASURES = "整改措施";
    public static final String LEAD_UNIT = "牵头单位";
    public static final String COOPERATING_UNITS = "配合单位";
    public static final String OFFICIALS = "责任人（姓名、职务）";
    public static final String DEADLINE = "整改时限";
    public static final String PROGRESS = "整改进展（%）";
    public static final String STATUS = "当前状态";
    public static final String LIGHT = "预警";
    public static final String SIGNED_OFF = "销号日期";

    public static final List<String> COLUMNS = List.of(NUMBER, CODE, SOURCE, PROBLEM, TARGET, MEASURES, LEAD_UNIT,
            COOPERATING_UNITS, OFFICIALS, DEADLINE, PROGRESS, STATUS, LIGHT, SIGNED_OFF);
    /** Column widths in characters, printable on A3 landscape. */
    public static final List<Integer> WIDTHS = List.of(6, 12, 12, 40, 30, 45, 16, 22, 24, 12, 10, 10, 8, 12);
    /** The index of the warning-light column (its cells are coloured). */
    public static final int LIGHT_COLUMN = COLUMNS.indexOf(LIGHT);
    public static final int PROGRESS_COLUMN = COLUMNS.indexOf(PROGRESS);

    /** Separates several units or officials in one cell. */
    public static final String LIST_SEPARATOR = "、";

    private LedgerSheet() {
    }

    /** One issue as its row's cells: text, except 序号 and the progress (numbers). */
    public static List<Object> row(long number, Issue issue, WarningLight light, Function<String, String> unitName) {
        return List.of(number, issue.code, issue.source.label(), issue.title, nz(issue.target), measures(issue.measures),
                issue.leadUnit == null ? "" : unitName.apply(issue.leadUnit),
                issue.cooperatingUnits.stream().map(unitName).collect(Collectors.joining(LIST_SEPARATOR)),
                officials(issue.responsibleOfficials), deadline(issue), issue.progressPercent, issue.status.label(),
                light.label(), issue.signedOffAt == null ? "" : issue.signedOffAt.atZoneSameInstant(
                        cn.hanzhong.rectification.platform.time.ProgrammeClock.ZONE).toLocalDate().toString());
    }

    /** Measures numbered within the cell: {@code 1. …} one per line. */
    public static String measures(List<String> measures) {
        return IntStream.range(0, measures.size()).mapToObj(i -> (i + 1) + ". " + measures.get(i))
                .collect(Collectors.joining("\n"));
    }

    /** {@code 王某（市生态环境局局长）、李某（副局长）}. */
    public static String officials(List<ResponsibleOfficial> officials) {
        return officials.stream().map(o -> o.post() == null || o.post().isBlank() ? o.name() : o.name() + "（" + o.post() + "）")
                .collect(Collectors.joining(LIST_SEPARATOR));
    }

    private static String deadline(Issue issue) {
        LocalDate d = issue.deadline;
        if (d != null) {
            return d.toString();
        }
        return issue.term == null ? "" : issue.term.label();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The light's fill colour (RGB) in the sheet. */
    public static final Map<WarningLight, byte[]> LIGHT_COLOURS = Map.of(
            WarningLight.GREEN, new byte[] {(byte) 0xC6, (byte) 0xEF, (byte) 0xCE},
            WarningLight.BLUE, new byte[] {(byte) 0xBD, (byte) 0xD7, (byte) 0xEE},
            WarningLight.YELLOW, new byte[] {(byte) 0xFF, (byte) 0xEB, (byte) 0x9C},
            WarningLight.RED, new byte[] {(byte) 0xFF, (byte) 0x00, (byte) 0x00});
}
