package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.notification.config.NotificationConfig;
import cn.hanzhong.rectification.notification.domain.Bulletin;
import cn.hanzhong.rectification.notification.domain.BulletinContent;
import cn.hanzhong.rectification.notification.domain.BulletinStatus;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.data.category.DefaultCategoryDataset;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPBdr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A bulletin as the office circulates it: a Word document (.docx) in the usual form of an official
 * bulletin — the issuer in red over a red rule, the document number (文号), the title, the
 * addressees, numbered sections with their tables, and a bar chart of completion by unit (JFreeChart,
 * embedded as a PNG), signed with the issuer and the date. A draft says so in its header.
 */
@ApplicationScoped
public class BulletinDocument {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final String BODY_FONT = "仿宋_GB2312";
    private static final String HEADING_FONT = "黑体";
    private static final String TITLE_FONT = "方正小标宋简体";
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);
    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy年M月d日HH:mm", Locale.CHINA);
    private static final Map<String, String> LIGHTS = Map.of("GREEN", "绿灯（正常推进）", "BLUE", "蓝灯（临近时限）",
            "YELLOW", "黄灯（进度滞后）", "RED", "红灯（逾期未完成）");
    private static final String[] CHINESE_NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    /** A font that draws Chinese, if the machine has one; else the chart names units by code. */
    private static final Optional<String> CHART_FONT = chineseFont();

    private final String issuer;
    private final String addressees;

    public BulletinDocument(NotificationConfig config) {
        this.issuer = config.bulletins().issuer();
        this.addressees = config.bulletins().addressees();
    }

    /** The .docx of {@code b}. */
    public byte[] render(Bulletin b) {
        BulletinContent c = b.content;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph head = centered(doc);
            run(head, issuer, TITLE_FONT, 26, true, "FF0000");
            XWPFParagraph number = centered(doc);
            run(number, b.status == BulletinStatus.PUBLISHED ? b.documentNumber : "（草稿，未编号）", BODY_FONT, 16, false, null);
            redRule(number);
            XWPFParagraph title = centered(doc);
            title.setSpacingBefore(240);
            run(title, b.title, TITLE_FONT, 22, false, null);
            paragraph(doc, addressees, false);
            paragraph(doc, "现将" + period(c.period()) + "全市生态环境保护督察整改工作进展情况通报如下（台账数据截至"
                    + AS_OF.format(c.issuesAsOf().atZoneSameInstant(ProgrammeClock.ZONE)) + "，信访件数据截至"
                    + AS_OF.format(c.petitionsAsOf().atZoneSameInstant(ProgrammeClock.ZONE)) + "，责任追究数据截至"
                    + AS_OF.format(c.accountabilityAsOf().atZoneSameInstant(ProgrammeClock.ZONE)) + "）。", true);

            int section = 0;
            var o = c.overall();
            heading(doc, ++section, "总体进展");
            paragraph(doc, "整改台账共有问题" + o.total() + "个，已交办" + o.assigned() + "个，已完成整改并销号" + o.signedOff()
                    + "个，完成率" + percent(o.completionRate()) + "；逾期未完成" + o.overdue() + "个；按期完成率"
                    + percent(o.onTimeRate()) + "。", true);

            heading(doc, ++section, "预警情况");
            StringBuilder lights = new StringBuilder("按预警等级统计：");
            for (String light : List.of("GREEN", "BLUE", "YELLOW", "RED")) {
                lights.append(LIGHTS.get(light)).append(c.byWarningLight().getOrDefault(light, 0L)).append("个；");
            }
            paragraph(doc, lights.substring(0, lights.length() - 1) + "。", true);
            if (c.redList().isEmpty()) {
                paragraph(doc, "本期无逾期未完成问题。", true);
            } else {
                paragraph(doc, "逾期未完成问题（红灯）清单如下" + (c.redTotal() > c.redList().size()
                        ? "（共" + c.redTotal() + "个，列出逾期最久的" + c.redList().size() + "个）" : "") + "：", true);
                table(doc, new String[] {"序号", "问题编号", "问题", "牵头单位", "整改时限", "逾期天数"},
                        c.redList().stream().map(r -> new String[] {null, r.code(), r.title(), r.leadUnitName(),
                                String.valueOf(r.deadline()), String.valueOf(r.daysOverdue())}).toList());
            }

            heading(doc, ++section, "按月调度报送情况");
            var u = c.unreported();
            if (u.units().isEmpty()) {
                paragraph(doc, period(c.period()) + "应报送整改进展的问题" + u.issues() + "个，各牵头单位均已按时报送。", true);
            } else {
                paragraph(doc, period(c.period()) + "应报送整改进展的问题" + u.issues() + "个，其中" + u.missing() + "个未报送，涉及"
                        + u.units().size() + "个单位：", true);
                table(doc, new String[] {"序号", "单位", "未报送问题数", "问题编号"}, u.units().stream().map(x -> new String[] {null,
                        x.name(), String.valueOf(x.missing()), String.join("、", x.codes())}).toList());
            }

            heading(doc, ++section, "督办事项");
            var d = c.supervisionOrders();
            paragraph(doc, "督办单待反馈" + d.awaitingResponse() + "件，其中逾期未反馈" + d.overdue() + "件；已反馈待审核" + d.responded()
                    + "件；已办结" + d.closed() + "件；累计退办" + d.returns() + "次。", true);
            if (!d.units().isEmpty()) {
                table(doc, new String[] {"序号", "单位", "待反馈", "其中逾期"}, d.units().stream().map(x -> new String[] {null, x.name(),
                        String.valueOf(x.awaitingResponse()), String.valueOf(x.overdue())}).toList());
            }

            heading(doc, ++section, "信访件办理");
            var p = c.petitions();
            paragraph(doc, "督察组转办群众信访件" + p.received() + "件（其中重复件" + p.duplicates() + "件），已办结" + p.concluded()
                    + "件，办结率" + percent(p.completionRate()) + "；累计退回重办" + p.returned() + "件，回头看重新办理" + p.reopened()
                    + "件；逾期未办结" + p.overdue() + "件。", true);

            heading(doc, ++section, "责任追究");
            var a = c.accountability();
            paragraph(doc, "问题线索待处置" + a.proposed() + "件，已立案" + a.opened() + "件（其中已作出处理决定" + a.decided() + "件），不予立案"
                    + a.dismissed() + "件；共问责" + a.personsHeld() + "人、" + a.unitsHeld() + "个单位。", true);

            heading(doc, ++section, "各单位整改完成情况排名");
            if (c.ranking().isEmpty()) {
                paragraph(doc, "本期尚无已交办的问题。", true);
            } else {
                table(doc, new String[] {"名次", "牵头单位", "交办问题", "已销号", "完成率", "逾期", "按期完成率"},
                        c.ranking().stream().map(r -> new String[] {String.valueOf(r.rank()), r.name(), String.valueOf(r.assigned()),
                                String.valueOf(r.signedOff()), percent(r.completionRate()), String.valueOf(r.overdue()),
                                percent(r.onTimeRate())}).toList());
                chart(doc, c.ranking());
                XWPFParagraph caption = centered(doc);
                run(caption, "图1  各牵头单位整改完成率（%）" + (CHART_FONT.isEmpty() ? "（横轴为单位代码，单位名称见上表）" : ""),
                        BODY_FONT, 12, false, null);
            }

            XWPFParagraph sign = doc.createParagraph();
            sign.setAlignment(ParagraphAlignment.RIGHT);
            sign.setSpacingBefore(480);
            run(sign, issuer, BODY_FONT, 16, false, null);
            XWPFParagraph date = doc.createParagraph();
            date.setAlignment(ParagraphAlignment.RIGHT);
            run(date, CHINESE_DATE.format((b.publishedAt != null ? b.publishedAt : b.createdAt).atZoneSameInstant(ProgrammeClock.ZONE)),
                    BODY_FONT, 16, false, null);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bulletin document", e);
        }
    }

    private static String period(String period) {
        String[] ym = period.split("-");
        return ym[0] + "年" + Integer.parseInt(ym[1]) + "月";
    }

    static String percent(Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    private static XWPFParagraph centered(XWPFDocument doc) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        return p;
    }

    private static void paragraph(XWPFDocument doc, String text, boolean indent) {
        XWPFParagraph p = doc.createParagraph();
        if (indent) {
            p.setFirstLineIndent(640);
        }
        p.setSpacingBetween(1.5);
        run(p, text, BODY_FONT, 16, false, null);
    }

    private static void heading(XWPFDocument doc, int number, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setFirstLineIndent(640);
        p.setSpacingBefore(120);
        run(p, CHINESE_NUMBERS[number - 1] + "、" + text, HEADING_FONT, 16, false, null);
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, int size, boolean bold, String color) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(font);
        r.setFontSize(size);
        r.setBold(bold);
        if (color != null) {
            r.setColor(color);
        }
        return r;
    }

    /** The red rule under the document number. */
    private static void redRule(XWPFParagraph p) {
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        CTPBdr borders = ppr.isSetPBdr() ? ppr.getPBdr() : ppr.addNewPBdr();
        CTBorder bottom = borders.addNewBottom();
        bottom.setVal(STBorder.SINGLE);
        bottom.setSz(BigInteger.valueOf(18));
        bottom.setColor("FF0000");
        bottom.setSpace(BigInteger.valueOf(4));
    }

    /** A table with a bold header; a null first cell is numbered 1, 2, 3… */
    private static void table(XWPFDocument doc, String[] headers, List<String[]> rows) {
        XWPFTable t = doc.createTable(rows.size() + 1, headers.length);
        t.setWidth("100%");
        for (int c = 0; c < headers.length; c++) {
            cell(t.getRow(0).getCell(c), headers[c], true);
        }
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = t.getRow(r + 1);
            String[] values = rows.get(r);
            for (int c = 0; c < headers.length; c++) {
                String v = c == 0 && values[0] == null ? String.valueOf(r + 1) : values[c];
                cell(row.getCell(c), v == null ? "" : v, false);
            }
        }
        t.getRow(0).setRepeatHeader(true);
    }

    private static void cell(XWPFTableCell cell, String text, boolean bold) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, text, bold ? HEADING_FONT : BODY_FONT, 12, false, null);
    }

    /** Completion by unit as a horizontal bar chart, embedded as a PNG. */
    private static void chart(XWPFDocument doc, List<BulletinContent.RankedUnit> ranking) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (BulletinContent.RankedUnit r : ranking) {
            String label = CHART_FONT.isPresent() && r.name() != null ? r.name() : r.unit();
            data.addValue(r.completionRate() == null ? 0 : r.completionRate() * 100, "完成率", label);
        }
        JFreeChart chart = ChartFactory.createBarChart(null, null, null, data, PlotOrientation.HORIZONTAL, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getRangeAxis().setRange(0, 105);
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setSeriesPaint(0, new Color(0xC0, 0x00, 0x00));
        bars.setMaximumBarWidth(0.08);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new java.text.DecimalFormat("0.0")));
        bars.setDefaultItemLabelsVisible(true);
        CategoryAxis units = plot.getDomainAxis();
        CHART_FONT.ifPresent(f -> units.setTickLabelFont(new Font(f, Font.PLAIN, 12)));
        int width = 640;
        int height = 60 + 24 * ranking.size();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(png, chart, width, height);
        XWPFParagraph p = centered(doc);
        try {
            p.createRun().addPicture(new ByteArrayInputStream(png.toByteArray()), Document.PICTURE_TYPE_PNG, "completion-by-unit.png",
                    Units.toEMU(440), Units.toEMU(440.0 * height / width));
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }

    private static Optional<String> chineseFont() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        try {
            return Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                    .filter(f -> new Font(f, Font.PLAIN, 12).canDisplayUpTo("汉中市生态环境局") == -1)
                    .filter(f -> !f.startsWith("Dialog") && !f.startsWith("Monospaced") && !f.startsWith("Serif") && !f.startsWith("SansSerif"))
                    .findFirst();
        } catch (RuntimeException | Error noFonts) {
            return Optional.empty();
        }
    }
}
