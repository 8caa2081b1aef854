package cn.hanzhong.rectification.platform.tables;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Tables an office opens in Excel: CSV in UTF-8 with a byte-order mark, with every cell that Excel
 * would take for a formula neutralised ({@code =}, {@code +}, {@code -}, {@code @}, tab, CR); XLSX with
 * a bold, frozen header row. Used by every service that exports a table.
 */
public final class Spreadsheets {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Spreadsheets() {
    }

    /** A cell Excel will show as text: a leading formula character is escaped with an apostrophe (OWASP). */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }

    /** A CSV written row by row to {@code out} (UTF-8 with BOM, formula cells neutralised); close it to flush. */
    public static CsvStream csvStream(OutputStream out, List<String> headers) {
        try {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            return new CsvStream(new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader(headers.toArray(String[]::new)).get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** See {@link #csvStream}. */
    public static final class CsvStream implements AutoCloseable {
        private final CSVPrinter printer;

        private CsvStream(CSVPrinter printer) {
            this.printer = printer;
        }

        public void row(List<?> cells) {
            try {
                printer.printRecord(cells.stream().map(c -> c instanceof Number || c == null ? c : neutralise(c.toString())).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                printer.flush(); // the caller owns the stream
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static byte[] csv(String[] headers, List<Object[]> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // BOM: Excel opens UTF-8 CSV correctly
            try (CSVPrinter p = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader(headers).get())) {
                for (Object[] r : rows) {
                    Object[] safe = new Object[r.length];
                    for (int i = 0; i < r.length; i++) {
                        safe[i] = r[i] instanceof Number || r[i] == null ? r[i] : neutralise(r[i].toString());
                    }
                    p.printRecord(safe);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] xlsx(String sheetName, String[] headers, List<Object[]> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "hanzhong-rectification", "1.0");
            Worksheet ws = wb.newWorksheet(sheetName);
            for (int c = 0; c < headers.length; c++) {
                ws.value(0, c, headers[c]);
                ws.style(0, c).bold().set();
                ws.width(c, Math.max(10, Math.min(60, headers[c].length() * 3)));
            }
            ws.freezePane(0, 1);
            for (int r = 0; r < rows.size(); r++) {
                Object[] row = rows.get(r);
                for (int c = 0; c < row.length; c++) {
                    Object v = row[c];
                    if (v instanceof Number n) {
                        ws.value(r + 1, c, n instanceof BigDecimal bd ? bd : n);
                    } else if (v instanceof Boolean b) {
                        ws.value(r + 1, c, b ? "是" : "否");
                    } else if (v != null) {
                        ws.value(r + 1, c, v.toString());
                    }
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
