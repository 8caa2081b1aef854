package cn.hanzhong.rectification.platform.tables;

import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The rows of an office's sheet (CSV, UTF-8 with or without BOM, or the first sheet of an XLSX), each as
 * header name → cell text, with the row number Excel shows; the header row is the first of the first 10
 * that {@code isHeader} accepts, so a title row above it is fine. Dates come as ISO dates. Reading XLSX
 * needs Apache POI ({@code poi-ooxml}) on the service's class path: the platform declares it optional.
 */
public record SheetRows(List<Map<String, String>> rows, List<Integer> numbers) {

    /** The ways an office writes a date in a sheet. */
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.ofPattern("yyyy年M月d日"));

    /** A cell's date in any of {@link #DATES}, or null when it is none of them. */
    public static LocalDate date(String v) {
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(v.strip(), f);
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return null;
    }

    public static SheetRows read(byte[] file, String contentType, Predicate<List<String>> isHeader, String headerHint) {
        SheetRows out = new SheetRows(new ArrayList<>(), new ArrayList<>());
        if (contentType != null && contentType.startsWith(Spreadsheets.CSV)) {
            out.readCsv(file, isHeader, headerHint);
        } else {
            out.readXlsx(file, isHeader, headerHint);
        }
        return out;
    }

    private void readCsv(byte[] file, Predicate<List<String>> isHeader, String hint) {
        String text = new String(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
            int header = -1;
            for (int i = 0; i < Math.min(10, records.size()) && header < 0; i++) {
                if (isHeader.test(records.get(i).toList())) {
                    header = i;
                }
            }
            requireHeader(header, hint);
            List<String> names = records.get(header).toList().stream().map(String::strip).toList();
            for (int i = header + 1; i < records.size(); i++) {
                List<String> cells = records.get(i).toList();
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < names.size() && c < cells.size(); c++) {
                    row.put(names.get(c), cells.get(c));
                }
                addUnlessEmpty(row, (int) records.get(i).getRecordNumber());
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InvalidInputException("file", "is not a readable CSV: " + e.getMessage());
        }
    }

    private void readXlsx(byte[] file, Predicate<List<String>> isHeader, String hint) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter text = new DataFormatter();
            int header = -1;
            for (int r = sheet.getFirstRowNum(); r <= Math.min(sheet.getLastRowNum(), 10) && header < 0; r++) {
                Row row = sheet.getRow(r);
                if (row != null && isHeader.test(cells(row, text))) {
                    header = r;
                }
            }
            requireHeader(header, hint);
            List<String> names = cells(sheet.getRow(header), text).stream().map(String::strip).toList();
            for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                List<String> values = cells(row, text);
                Map<String, String> map = new LinkedHashMap<>();
                for (int c = 0; c < names.size() && c < values.size(); c++) {
                    map.put(names.get(c), values.get(c));
                }
                addUnlessEmpty(map, r + 1);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException i) {
                throw i;
            }
            throw new InvalidInputException("file", "is not a readable XLSX workbook");
        }
    }

    private static List<String> cells(Row row, DataFormatter text) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
            Cell cell = row.getCell(c);
            if (cell == null) {
                out.add("");
            } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                out.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
            } else {
                out.add(text.formatCellValue(cell));
            }
        }
        return out;
    }

    private static void requireHeader(int header, String hint) {
        if (header < 0) {
            throw new InvalidInputException("file", "has no header row with " + hint + " in its first 10 rows");
        }
    }

    private void addUnlessEmpty(Map<String, String> row, int number) {
        if (row.values().stream().anyMatch(v -> v != null && !v.isBlank())) {
            rows.add(row);
            numbers.add(number);
        }
    }
}
