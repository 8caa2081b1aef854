package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.config.IssuesConfig;
import cn.hanzhong.rectification.issues.domain.EvidenceFile;
import cn.hanzhong.rectification.issues.domain.EvidenceRecord;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.domain.IssueStatus;
import cn.hanzhong.rectification.issues.repository.EvidenceFileRepository;
import cn.hanzhong.rectification.issues.service.command.UploadEvidence;
import cn.hanzhong.rectification.issues.storage.ObjectStore;
import cn.hanzhong.rectification.platform.errors.ConflictException;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.PayloadTooLargeException;
import cn.hanzhong.rectification.platform.errors.Problem;
import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import cn.hanzhong.rectification.platform.errors.ServiceUnavailableException;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.security.Roles;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The evidence of an issue's dossier (一案一档): a unit of the issue (or the office) uploads a file as a
 * draft, then submits it with a progress report, an application for acceptance or a supervision-order
 * response; from then on it is part of the record and never deleted. Readers of the issue read its files.
 */
@ApplicationScoped
@Transactional
public class EvidenceService {

    private static final Logger LOG = Logger.getLogger(EvidenceService.class);

    /** A file's record and its bytes, for a download; the caller closes {@code content}. */
    public record Download(EvidenceFile file, InputStream content) {
    }

    private final IssueQueries queries;
    private final IssueAccess access;
    private final EvidenceFileRepository files;
    private final ObjectStore store;
    private final CurrentUser user;
    private final ProgrammeClock clock;
    private final long maxFileSize;

    public EvidenceService(IssueQueries queries, IssueAccess access, EvidenceFileRepository files, ObjectStore store, CurrentUser user,
                           ProgrammeClock clock, IssuesConfig config) {
        this.queries = queries;
        this.access = access;
        this.files = files;
        this.store = store;
        this.user = user;
        this.clock = clock;
        this.maxFileSize = config.evidence().maxFileSize().asLongValue();
    }

    public EvidenceFile upload(UUID issueId, UploadEvidence upload) {
        Issue issue = queries.readable(issueId);
        requireContributor(issue);
        if (issue.status == IssueStatus.CANCELLED) {
            throw new ConflictException("Issue " + issue.code + " was cancelled; it takes no more evidence");
        }
        StoredFile stored = storeChecked(upload.file(), upload.originalName());
        EvidenceFile f = new EvidenceFile();
        f.id = UUID.randomUUID();
        f.issueId = issueId;
        f.sha256 = stored.sha256();
        f.sizeBytes = stored.size();
        f.mediaType = stored.mediaType();
        f.originalName = stored.name();
        f.description = upload.description() == null || upload.description().isBlank() ? null : upload.description().strip();
        f.uploadedBy = user.name();
        f.uploadedUnit = user.unit().orElse(null);
        f.uploadedAt = clock.now();
        files.persist(f);
        return f;
    }

    /** A file checked (size, type from its bytes) and put in the object store under its SHA-256. */
    public record StoredFile(String sha256, long size, String mediaType, String name) {
    }

    /**
     * Checks an uploaded file as evidence is checked (at most {@code issues.evidence.max-file-size}, not empty,
     * an accepted type told from the bytes) and stores it content-addressed; the name is cleaned, never a path.
     */
    public StoredFile storeChecked(Path file, String originalName) {
        if (file == null) {
            throw new InvalidInputException("file", "is required (a multipart part named file)");
        }
        String name = originalName(originalName);
        long size = size(file);
        if (size > maxFileSize) {
            throw new PayloadTooLargeException(maxFileSize);
        }
        if (size == 0) {
            throw new InvalidInputException("file", "is empty");
        }
        String mediaType = EvidenceTypes.check(file, name);
        String sha256 = sha256(file);
        try {
            store.put(sha256, file, mediaType);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "the object store (%s) did not take a file", store.kind());
            throw new ServiceUnavailableException("The file store is not available; try again later");
        }
        return new StoredFile(sha256, size, mediaType, name);
    }

    /** The bytes stored under {@code sha256} (a plan's file), for a caller that may read them. */
    public InputStream openStored(String sha256) {
        try {
            return store.open(sha256);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "the object store (%s) did not give %s", store.kind(), sha256);
            throw new ServiceUnavailableException("The file store is not available; try again later");
        }
    }

    /** Every file of the issue, or those of one record. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EvidenceFile> dossier(UUID issueId, EvidenceRecord kind, String recordId) {
        queries.readable(issueId);
        List<EvidenceFile> all = files.ofIssue(issueId);
        return all.stream()
                .filter(f -> kind == null || kind == f.recordKind)
                .filter(f -> recordId == null || recordId.equals(f.recordId))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EvidenceFile get(UUID issueId, UUID fileId) {
        queries.readable(issueId);
        EvidenceFile f = files.findById(fileId);
        if (f == null || !f.issueId.equals(issueId)) {
            throw new ResourceNotFoundException("Evidence file", fileId);
        }
        return f;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Download download(UUID issueId, UUID fileId) {
        EvidenceFile f = get(issueId, fileId);
        return new Download(f, open(f));
    }

    /** The bytes of a file the caller already may read. */
    public InputStream open(EvidenceFile f) {
        try {
            return store.open(f.sha256);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "the evidence store (%s) did not give file %s", store.kind(), f.id);
            throw new ServiceUnavailableException("The evidence store is not available; try again later");
        }
    }

    /** Deletes a draft its unit (or the office) uploaded; a submitted file stays (409). */
    public void deleteDraft(UUID issueId, UUID fileId) {
        EvidenceFile f = get(issueId, fileId);
        if (f.submitted()) {
            throw new ConflictException("Evidence file " + fileId + " was submitted with its record and is kept");
        }
        requireUploader(f);
        files.delete(f);
    }

    /**
     * Files {@code ids} (drafts of the caller's unit on one of {@code issueIds}) under a record; the
     * record's earlier drafts not among them become loose drafts again. {@code submit} makes them
     * permanent. A wrong id is a 400 naming {@code field[i]}.
     */
    public void attach(Collection<UUID> ids, Set<UUID> issueIds, EvidenceRecord kind, String recordId, boolean submit,
                       String field) {
        List<UUID> wanted = ids == null ? List.of() : ids.stream().filter(Objects::nonNull).distinct().toList();
        for (EvidenceFile earlier : files.ofRecord(kind, recordId)) {
            if (!earlier.submitted() && !wanted.contains(earlier.id)) {
                earlier.recordKind = null;
                earlier.recordId = null;
            }
        }
        List<Problem.Violation> violations = new ArrayList<>();
        List<EvidenceFile> found = new ArrayList<>();
        int i = 0;
        for (UUID id : wanted) {
            String at = field + "[" + i++ + "]";
            EvidenceFile f = files.findById(id);
            if (f == null || !issueIds.contains(f.issueId)) {
                violations.add(new Problem.Violation(at, "no evidence file " + id + " on this record's issue(s)"));
            } else if (f.recordKind != null && !(f.recordKind == kind && recordId.equals(f.recordId))) {
                violations.add(new Problem.Violation(at, "file " + id + " belongs to another record"));
            } else if (!mayFile(f)) {
                violations.add(new Problem.Violation(at, "file " + id + " was uploaded by another unit"));
            } else {
                found.add(f);
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        for (EvidenceFile f : found) {
            f.recordKind = kind;
            f.recordId = recordId;
            if (submit && !f.submitted()) {
                f.submittedAt = clock.now();
            }
        }
    }

    private void requireContributor(Issue issue) {
        boolean office = user.hasRole(Roles.OFFICE);
        boolean involvedUnit = user.hasRole(Roles.UNIT) && user.belongsToAny(issue.involvedUnits());
        if (!office && !involvedUnit && !access.checksIt(issue)) {
            throw new ForbiddenException("Only the office, the issue's units and its look-back checker may add evidence");
        }
    }

    private void requireUploader(EvidenceFile f) {
        if (!mayFile(f)) {
            throw new ForbiddenException("Only the unit that uploaded the draft, or the office, may remove it");
        }
    }

    private boolean mayFile(EvidenceFile f) {
        return user.hasRole(Roles.OFFICE) || (f.uploadedUnit != null && user.unit().filter(f.uploadedUnit::equals).isPresent());
    }

    /** The name the file came with, without any folder a browser put before it or control characters. */
    static String originalName(String given) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            name = "file";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
