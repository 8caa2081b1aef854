package cn.hanzhong.rectification.petitions.tables;

import cn.hanzhong.rectification.petitions.domain.Channel;
import cn.hanzhong.rectification.petitions.domain.District;
import cn.hanzhong.rectification.petitions.domain.PollutionType;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.tables.Spreadsheets;
import cn.hanzhong.rectification.platform.vocabulary.Labelled;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV and XLSX with Chinese headers: the import layout of forwarded cases, and the export layout of
 * the public disclosure table. Codes may be given as codes or as their Chinese labels.
 */
public final class Tables {

    public static final String CSV = Spreadsheets.CSV;
    public static final String XLSX = Spreadsheets.XLSX;

    /** Import header → field of {@code PetitionCase} (reporter fields nested). */
    static final Map<String, String> IMPORT_COLUMNS = new LinkedHashMap<>();

    static {
        IMPORT_COLUMNS.put("受理编号", "caseNumber");
        IMPORT_COLUMNS.put("受理时间", "receivedAt");
        IMPORT_COLUMNS.put("来源渠道", "channel");
        IMPORT_COLUMNS.put("重点件", "priority");
        IMPORT_COLUMNS.put("举报人", "reporter.name");
        IMPORT_COLUMNS.put("联系电话", "reporter.phone");
        IMPORT_COLUMNS.put("身份证号", "reporter.idNumber");
        IMPORT_COLUMNS.put("地址", "reporter.address");
        IMPORT_COLUMNS.put("交办问题基本情况", "content");
        IMPORT_COLUMNS.put("地点", "location");
        IMPORT_COLUMNS.put("行政区域", "district");
        IMPORT_COLUMNS.put("污染类型", "pollutionTypes");
        IMPORT_COLUMNS.put("牵头单位", "leadUnit");
        IMPORT_COLUMNS.put("配合单位", "cooperatingUnits");
    }

    private Tables() {
    }

    /** Rows of a CSV upload (UTF-8, BOM tolerated), as case objects. */
    public static List<JsonNode> readCsv(byte[] body, ObjectMapper mapper) {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get()
                .parse(new InputStreamReader(stripBom(body), StandardCharsets.UTF_8))) {
            checkHeaders(parser.getHeaderNames());
            List<JsonNode> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                Map<String, String> cells = new LinkedHashMap<>();
                parser.getHeaderNames().forEach(h -> cells.put(h, r.isSet(h) ? r.get(h) : null));
                rows.add(toCase(cells, mapper));
            }
            return rows;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException("body", "is not a readable CSV file with the import headers");
        }
    }

    /** Rows of the first sheet of an XLSX upload. */
    public static List<JsonNode> readXlsx(byte[] body, ObjectMapper mapper) {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = wb.getFirstSheet();
            List<org.dhatim.fastexcel.reader.Row> rows = sheet.read();
            if (rows.isEmpty()) {
                return List.of();
            }
            List<String> headers = new ArrayList<>();
            rows.get(0).forEach(c -> headers.add(c == null ? "" : c.getText().strip()));
            checkHeaders(headers);
            List<JsonNode> out = new ArrayList<>();
            for (org.dhatim.fastexcel.reader.Row row : rows.subList(1, rows.size())) {
                Map<String, String> cells = new LinkedHashMap<>();
                boolean empty = true;
                for (int i = 0; i < headers.size(); i++) {
                    String v = row.getCellText(i);
                    if (v != null && !v.isBlank()) {
                        empty = false;
                    }
                    cells.put(headers.get(i), v);
                }
                if (!empty) {
                    out.add(toCase(cells, mapper));
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException iie) {
                throw iie;
            }
            throw new InvalidInputException("body", "is not a readable XLSX file with the import headers");
        }
    }

    public static byte[] writeCsv(String[] headers, List<Object[]> rows) {
        return Spreadsheets.csv(headers, rows);
    }

    public static byte[] writeXlsx(String sheetName, String[] headers, List<Object[]> rows) {
        return Spreadsheets.xlsx(sheetName, headers, rows);
    }

    private static void checkHeaders(List<String> headers) {
        for (String required : List.of("受理编号", "交办问题基本情况", "行政区域", "污染类型")) {
            if (!headers.contains(required)) {
                throw new InvalidInputException("body", "the header row lacks " + required
                        + "; expected columns: " + String.join(",", IMPORT_COLUMNS.keySet()));
            }
        }
    }

    private static JsonNode toCase(Map<String, String> cells, ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        ObjectNode reporter = mapper.createObjectNode();
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            String field = IMPORT_COLUMNS.get(cell.getKey());
            String v = cell.getValue() == null ? null : cell.getValue().strip();
            if (field == null || v == null || v.isEmpty()) {
                continue;
            }
            switch (field) {
                case "channel" -> node.put(field, code(Channel.class, v));
                case "district" -> node.put(field, code(District.class, v));
                case "priority" -> node.put(field, v.equals("是") || v.equalsIgnoreCase("true") || v.equals("1"));
                case "pollutionTypes" -> {
                    ArrayNode types = node.putArray(field);
                    for (String t : v.split("[、,，;；/]")) {
                        if (!t.isBlank()) {
                            types.add(code(PollutionType.class, t.strip()));
                        }
                    }
                }
                case "cooperatingUnits" -> {
                    ArrayNode units = node.putArray(field);
                    for (String u : v.split("[、,，;；/]")) {
                        if (!u.isBlank()) {
                            units.add(u.strip());
                        }
                    }
                }
                case "receivedAt" -> node.put(field, v.length() >= 10 ? v.substring(0, 10).replace('/', '-') : v);
                default -> {
                    if (field.startsWith("reporter.")) {
                        reporter.put(field.substring("reporter.".length()), v);
                    } else {
                        node.put(field, v);
                    }
                }
            }
        }
        if (!reporter.isEmpty()) {
            node.set("reporter", reporter);
        } else {
            node.putObject("reporter").put("anonymous", true);
        }
        return node;
    }

    /** A code given as its code or as its Chinese label; unknown text is passed on to be rejected. */
    private static <E extends Enum<E> & Labelled> String code(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value) || e.label().equals(value)) {
                return e.name();
            }
        }
        return value;
    }

    private static InputStream stripBom(byte[] body) {
        int offset = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF ? 3 : 0;
        return new ByteArrayInputStream(body, offset, body.length - offset);
    }
}
