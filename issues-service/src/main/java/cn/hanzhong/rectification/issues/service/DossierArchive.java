package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.EvidenceFile;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.repository.EvidenceFileRepository;
import cn.hanzhong.rectification.platform.tables.Spreadsheets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The dossier as the office files it at sign-off (一案一档): a ZIP with an index sheet ({@code 目录.xlsx})
 * and every submitted file, in a folder per kind of record, streamed from the object store one file at
 * a time. Drafts are not part of it.
 */
@ApplicationScoped
public class DossierArchive {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    private static final String[] INDEX = {"序号", "归档路径", "原文件名", "材料类别", "所属记录", "说明", "文件类型", "大小（字节）",
            "SHA-256", "上传人", "上传单位", "上传时间", "提交时间"};

    /** What goes into one archive, read while the caller may still read the issue. */
    public record Dossier(String issueCode, List<EvidenceFile> files) {

        public String fileName() {
            return issueCode.replaceAll("[^\\p{L}\\p{N}._-]", "_") + "-dossier.zip";
        }
    }

    private final IssueQueries queries;
    private final EvidenceFileRepository files;
    private final EvidenceService evidence;

    public DossierArchive(IssueQueries queries, EvidenceFileRepository files, EvidenceService evidence) {
        this.queries = queries;
        this.files = files;
        this.evidence = evidence;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Dossier of(UUID issueId) {
        Issue issue = queries.readable(issueId);
        return new Dossier(issue.code, files.submittedOfIssue(issueId));
    }

    /** Writes the archive; the bytes of each file come from the store as they are written. */
    public void write(Dossier dossier, OutputStream out) throws IOException {
        List<String> paths = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        int n = 0;
        for (EvidenceFile f : dossier.files()) {
            n++;
            String path = String.format("%s/%03d-%s", f.recordKind.label(), n, safe(f.originalName));
            paths.add(path);
            rows.add(new Object[]{n, path, f.originalName, f.recordKind.label(), f.recordId, f.description, f.mediaType,
                    f.sizeBytes, f.sha256, f.uploadedBy, f.uploadedUnit, AT.format(f.uploadedAt),
                    f.submittedAt == null ? null : AT.format(f.submittedAt)});
        }
        ZipOutputStream zip = new ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("目录.xlsx"));
        zip.write(Spreadsheets.xlsx("档案目录", INDEX, rows));
        zip.closeEntry();
        for (int i = 0; i < dossier.files().size(); i++) {
            zip.putNextEntry(new ZipEntry(paths.get(i)));
            try (InputStream in = evidence.open(dossier.files().get(i))) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
        zip.finish();
    }

    /** A name that is one path segment on every system the archive may be unpacked on. */
    static String safe(String name) {
        String s = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").replaceAll("^[.\\s]+", "");
        return s.isEmpty() ? "file" : s;
    }
}
