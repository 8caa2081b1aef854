package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.config.IssuesConfig;
import cn.hanzhong.rectification.issues.domain.WarningLight;
import cn.hanzhong.rectification.issues.repository.IssueFilter;
import cn.hanzhong.rectification.issues.repository.IssueRepository;
import cn.hanzhong.rectification.issues.repository.UnitRepository;
import cn.hanzhong.rectification.platform.tables.Spreadsheets;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ledger as the office files it: XLSX in the official layout ({@link LedgerSheet}) or CSV, streamed
 * from a database cursor (POI SXSSF keeps a window of rows in memory and the rest on disk), so the
 * size of the ledger does not bound the export.
 */
@ApplicationScoped
public class LedgerExport {

    /** XLSX rows kept in memory before they are flushed to the temporary file. */
    private static final int WINDOW = 200;
    private static final String ORDER = " order by i.code, i.id";

    public enum Format { XLSX, CSV }

    private final IssueRepository issues;
    private final UnitRepository units;
    private final IssueViews views;
    private final IssuesConfig config;
    private final ProgrammeClock clock;

    public LedgerExport(IssueRepository issues, UnitRepository units, IssueViews views, IssuesConfig config,
                        ProgrammeClock clock) {
        this.issues = issues;
        this.units = units;
        this.views = views;
        this.config = config;
        this.clock = clock;
    }

    /** Writes every issue of {@code filter} (already narrowed to what the caller may see) to {@code out}. */
    @Transactional(Transactional.TxType.REQUIRED)
    public long write(IssueFilter filter, Format format, OutputStream out) {
        Map<String, String> names = units.listAll().stream().collect(Collectors.toMap(u -> u.code, u -> u.name));
        Function<String, String> unitName = code -> names.getOrDefault(code, code);
        LocalDate today = clock.today();
        LocalDate blueLimit = views.blueLimit(today);
        return format == Format.CSV ? csv(filter, today, blueLimit, unitName, out) : xlsx(filter, today, blueLimit, unitName, out);
    }

    private long csv(IssueFilter filter, LocalDate today, LocalDate blueLimit, Function<String, String> unitName, OutputStream out) {
        AtomicLong n = new AtomicLong();
        try (Spreadsheets.CsvStream csv = Spreadsheets.csvStream(out, LedgerSheet.COLUMNS)) {
            issues.scroll(filter, ORDER, today, blueLimit, issue ->
                    csv.row(LedgerSheet.row(n.incrementAndGet(), issue, views.light(issue, today, blueLimit), unitName)));
        }
        return n.get();
    }

    private long xlsx(IssueFilter filter, LocalDate today, LocalDate blueLimit, Function<String, String> unitName, OutputStream out) {
        SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
        wb.setCompressTempFiles(true);
        try {
            Styles styles = new Styles(wb);
            SXSSFSheet sheet = wb.createSheet("整改台账");
            int columns = LedgerSheet.COLUMNS.size();
            for (int c = 0; c < columns; c++) {
                sheet.setColumnWidth(c, LedgerSheet.WIDTHS.get(c) * 2 * 256); // Chinese characters are two wide
            }
            Row title = sheet.createRow(0);
            title.setHeightInPoints(30);
            cell(title, 0, config.programmeName() + "整改台账", styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
            Row drawn = sheet.createRow(1);
            cell(drawn, 0, "制表日期：" + today, styles.plain);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns - 1));
            Row header = sheet.createRow(2);
            for (int c = 0; c < columns; c++) {
                cell(header, c, LedgerSheet.COLUMNS.get(c), styles.header);
            }
            sheet.createFreezePane(0, 3);
            sheet.setRepeatingRows(CellRangeAddress.valueOf("3:3"));
            PrintSetup print = sheet.getPrintSetup();
            print.setPaperSize(PrintSetup.A3_PAPERSIZE);
            print.setLandscape(true);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setFitToPage(true);
            sheet.setAutobreaks(true);

            AtomicLong n = new AtomicLong();
            issues.scroll(filter, ORDER, today, blueLimit, issue -> {
                long number = n.incrementAndGet();
                WarningLight light = views.light(issue, today, blueLimit);
                List<Object> cells = LedgerSheet.row(number, issue, light, unitName);
                Row row = sheet.createRow((int) (2 + number));
                for (int c = 0; c < cells.size(); c++) {
                    Object v = cells.get(c);
                    XSSFCellStyle style = c == LedgerSheet.LIGHT_COLUMN ? styles.lights.get(light) : styles.body;
                    Cell cell = row.createCell(c);
                    cell.setCellStyle(style);
                    if (v instanceof Number num) {
                        cell.setCellValue(num.doubleValue());
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            });
            wb.write(out);
            return n.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wb.dispose();
            try {
                wb.close();
            } catch (IOException e) {
                // temporary files are gone with dispose()
            }
        }
    }

    private static void cell(Row row, int column, String value, XSSFCellStyle style) {
        Cell c = row.createCell(column);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    /** The few styles of the sheet (a workbook holds a limited number: never one per cell). */
    private static final class Styles {
        final XSSFCellStyle title;
        final XSSFCellStyle plain;
        final XSSFCellStyle header;
        final XSSFCellStyle body;
        final Map<WarningLight, XSSFCellStyle> lights = new EnumMap<>(WarningLight.class);

        Styles(SXSSFWorkbook wb) {
            XSSFFont big = (XSSFFont) wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 18);
            big.setFontName("宋体");
            title = (XSSFCellStyle) wb.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            plain = (XSSFCellStyle) wb.createCellStyle();
            XSSFFont bold = (XSSFFont) wb.createFont();
            bold.setBold(true);
            header = bordered(wb);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setFillForegroundColor(new XSSFColor(new byte[] {(byte) 0xD9, (byte) 0xD9, (byte) 0xD9}, null));
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            body = bordered(wb);
            body.setWrapText(true);
            body.setVerticalAlignment(VerticalAlignment.TOP);
            XSSFFont white = (XSSFFont) wb.createFont();
            white.setColor(new XSSFColor(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, null));
            white.setBold(true);
            for (Map.Entry<WarningLight, byte[]> e : LedgerSheet.LIGHT_COLOURS.entrySet()) {
                XSSFCellStyle s = bordered(wb);
                s.setAlignment(HorizontalAlignment.CENTER);
                s.setVerticalAlignment(VerticalAlignment.TOP);
                s.setFillForegroundColor(new XSSFColor(e.getValue(), null));
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                if (e.getKey() == WarningLight.RED) {
                    s.setFont(white);
                }
                lights.put(e.getKey(), s);
            }
        }

        private static XSSFCellStyle bordered(SXSSFWorkbook wb) {
            XSSFCellStyle s = (XSSFCellStyle) wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
