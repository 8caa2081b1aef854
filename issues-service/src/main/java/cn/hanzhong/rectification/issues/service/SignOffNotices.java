package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.config.IssuesConfig;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.domain.NoticeStatus;
import cn.hanzhong.rectification.issues.domain.ObjectionStatus;
import cn.hanzhong.rectification.issues.domain.SignOffNotice;
import cn.hanzhong.rectification.issues.domain.SignOffObjection;
import cn.hanzhong.rectification.issues.repository.IssueRepository;
import cn.hanzhong.rectification.issues.repository.SignOffNoticeRepository;
import cn.hanzhong.rectification.issues.repository.SignOffObjectionRepository;
import cn.hanzhong.rectification.platform.calendar.WorkingDayCalendar;
import cn.hanzhong.rectification.platform.errors.ConflictException;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import cn.hanzhong.rectification.platform.errors.TooManyRequestsException;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.privacy.FieldCipher;
import cn.hanzhong.rectification.platform.privacy.Masking;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Public notice of sign-off (销号公示): opened by the office's verification, read by anyone, objected to
 * by anyone within its window. What the public sees is {@link PublicNotice}: the item, the measures and
 * the verification's result, and the replies to objections dismissed — never officials, contacts or the
 * office's internal reasons.
 */
@ApplicationScoped
@Transactional
public class SignOffNotices {

    /** An office's view of a notice with its objections (contacts masked). */
    public record NoticeView(SignOffNotice notice, Issue issue, List<SignOffObjection> objections) {
    }

    /** What the public sees of a notice. */
    public record PublicNotice(SignOffNotice notice, String issueCode, String title, String leadUnitName,
                               List<SignOffObjection> dismissed) {
    }

    private final SignOffNoticeRepository notices;
    private final SignOffObjectionRepository objections;
    private final IssueRepository issues;
    private final UnitService units;
    private final WorkingDayCalendar calendar;
    private final ProgrammeClock clock;
    private final IssuesConfig.SignOff config;
    private final Optional<FieldCipher> contacts;
    private final byte[] clientKey;

    public SignOffNotices(SignOffNoticeRepository notices, SignOffObjectionRepository objections, IssueRepository issues,
                          UnitService units, WorkingDayCalendar calendar, ProgrammeClock clock, IssuesConfig config) {
        this.notices = notices;
        this.objections = objections;
        this.issues = issues;
        this.units = units;
        this.calendar = calendar;
        this.clock = clock;
        this.config = config.signOff();
        this.contacts = this.config.objectionContactKey().filter(k -> !k.isBlank())
                .map(k -> new FieldCipher(Map.of("k1", k), "k1"));
        // The client address is kept only as a keyed hash; without a configured key, a per-programme constant.
        this.clientKey = this.config.objectionContactKey().filter(k -> !k.isBlank())
                .map(k -> Base64.getDecoder().decode(k.strip()))
                .orElse("rectification-objections".getBytes(StandardCharsets.UTF_8));
    }

    /** Opens the notice of the issue's current application after its verification passed. */
    public SignOffNotice open(Issue issue, LocalDate verifiedOn, String verifiedBy, String opinion, LocalDate today) {
        SignOffNotice n = new SignOffNotice();
        n.id = UUID.randomUUID();
        n.issueId = issue.id;
        n.round = issue.acceptanceRound;
        n.status = NoticeStatus.OPEN;
        n.verifiedOn = verifiedOn;
        n.verifiedBy = verifiedBy;
        n.opinion = opinion.strip();
        n.measures = new ArrayList<>(issue.measures);
        n.workingDays = config.noticeWorkingDays();
        n.startsOn = today;
        n.endsOn = calendar.addWorkingDays(today, config.noticeWorkingDays());
        n.publishedAt = clock.now();
        notices.persist(n);
        return n;
    }

    /** The issue's open notice, if any, is withdrawn (the issue was cancelled). */
    public void withdrawOpen(Issue issue) {
        notices.openOf(issue.id).ifPresent(n -> {
            n.status = NoticeStatus.WITHDRAWN;
            n.closedAt = clock.now();
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PublicNotice> publicList(NoticeStatus status, PageRequest page) {
        NoticeStatus s = status == null ? NoticeStatus.OPEN : status;
        if (s == NoticeStatus.WITHDRAWN) {
            throw new InvalidInputException("status", "withdrawn notices are not published");
        }
        Page<SignOffNotice> found = Page.of(notices.find("status", Sort.descending("publishedAt").and("id"), s), page,
                java.util.function.Function.identity());
        return found.map(this::publicOf);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PublicNotice publicGet(UUID id) {
        SignOffNotice n = notices.findById(id);
        if (n == null || n.status == NoticeStatus.WITHDRAWN) {
            throw new ResourceNotFoundException("Sign-off notice", id);
        }
        return publicOf(n);
    }

    private PublicNotice publicOf(SignOffNotice n) {
        Issue issue = issues.findById(n.issueId);
        String lead = issue.leadUnit == null ? null : units.names(List.of(issue.leadUnit)).get(issue.leadUnit);
        List<SignOffObjection> dismissed = objections.ofNotice(n.id).stream()
                .filter(o -> o.status == ObjectionStatus.DISMISSED).toList();
        return new PublicNotice(n, issue.code, issue.title, lead, dismissed);
    }

    /**
     * An objection from the public while the window is open. The contact is encrypted and masked; the
     * client address is kept as a keyed hash only, and more than the configured objections per hour
     * from one address are refused with 429.
     */
    public SignOffObjection object(UUID noticeId, String text, String contact, String clientAddress) {
        SignOffNotice n = notices.findById(noticeId);
        if (n == null || n.status == NoticeStatus.WITHDRAWN) {
            throw new ResourceNotFoundException("Sign-off notice", noticeId);
        }
        if (!n.acceptsObjectionsOn(clock.today())) {
            throw new ConflictException("The notice of " + issues.findById(n.issueId).code + " is closed ("
                    + n.status.label() + ", window " + n.startsOn + " to " + n.endsOn + ")");
        }
        String clientHash = clientHash(clientAddress == null ? "unknown" : clientAddress);
        long recent = objections.fromClientSince(clientHash, clock.now().minusHours(1));
        if (recent >= config.objectionsPerHour()) {
            throw new TooManyRequestsException("At most " + config.objectionsPerHour()
                    + " objections per hour are taken from one address", Duration.ofHours(1));
        }
        String cleanContact = contact == null || contact.isBlank() ? null : contact.strip();
        if (cleanContact != null && contacts.isEmpty()) {
            throw new InvalidInputException("contact", "cannot be taken here now; send the objection without a contact");
        }
        SignOffObjection o = new SignOffObjection();
        o.id = UUID.randomUUID();
        o.noticeId = noticeId;
        o.text = text.strip();
        o.contactCipher = cleanContact == null ? null : contacts.get().encrypt(cleanContact);
        o.contactMasked = cleanContact == null ? null : mask(cleanContact);
        o.clientHash = clientHash;
        o.status = ObjectionStatus.PENDING;
        o.receivedAt = clock.now();
        objections.persist(o);
        return o;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<NoticeView> list(NoticeStatus status, PageRequest page) {
        var query = status == null ? notices.findAll(Sort.descending("publishedAt").and("id"))
                : notices.find("status", Sort.descending("publishedAt").and("id"), status);
        return Page.of(query, page, this::viewOf);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public NoticeView get(UUID id) {
        SignOffNotice n = notices.findById(id);
        if (n == null) {
            throw new ResourceNotFoundException("Sign-off notice", id);
        }
        return viewOf(n);
    }

    NoticeView viewOf(SignOffNotice n) {
        return new NoticeView(n, issues.findById(n.issueId), objections.ofNotice(n.id));
    }

    /** The objector's contact in clear (empty when none was given), for the office that answers; 404 for another notice's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> contactOf(UUID noticeId, UUID objectionId) {
        SignOffObjection o = objections.findById(objectionId);
        if (o == null || !o.noticeId.equals(noticeId)) {
            throw new ResourceNotFoundException("Objection", objectionId);
        }
        return Optional.ofNullable(o.contactCipher).flatMap(c -> contacts.map(f -> f.decrypt(c)));
    }

    static String mask(String contact) {
        if (contact.contains("@")) {
            int at = contact.indexOf('@');
            return contact.charAt(0) + "***" + contact.substring(at);
        }
        String digits = contact.replaceAll("\\D", "");
        return digits.length() >= 7 ? Masking.phone(contact) : "***";
    }

    private String clientHash(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(address.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
