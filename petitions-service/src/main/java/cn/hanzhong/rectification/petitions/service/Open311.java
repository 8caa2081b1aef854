package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.petitions.domain.PetitionStatus;
import cn.hanzhong.rectification.petitions.domain.PollutionType;
import cn.hanzhong.rectification.petitions.repository.PetitionFilter;
import cn.hanzhong.rectification.petitions.repository.PetitionRepository;
import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Open311 GeoReport v2 over the published petitions (read-only): services are the pollution types,
 * requests the published petitions with their published texts only — no reporter, no contact, no exact
 * location (the district stands as the address).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Open311 {

    /** A GeoReport v2 service. */
    public record Service(String serviceCode, String serviceName, String description, boolean metadata, String type,
                          String keywords, String group) {
    }

    /** A GeoReport v2 service request; fields the spec names and this programme does not have are null. */
    public record Request(String serviceRequestId, String status, String statusNotes, String serviceName, String serviceCode,
                          String description, String agencyResponsible, String serviceNotice, OffsetDateTime requestedDatetime,
                          OffsetDateTime updatedDatetime, OffsetDateTime expectedDatetime, String address, String addressId,
                          String zipcode, Double lat, Double lon, String mediaUrl) {
    }

    private static final Set<PetitionStatus> CLOSED = Set.of(PetitionStatus.CLOSED, PetitionStatus.CONFIRMED, PetitionStatus.DUPLICATE);
    public static final int MAX_REQUESTS = 1000;
    public static final int DEFAULT_DAYS = 90;

    private final PetitionRepository petitions;
    private final ProgrammeClock clock;

    public Open311(PetitionRepository petitions, ProgrammeClock clock) {
        this.petitions = petitions;
        this.clock = clock;
    }

    public List<Service> services() {
        return Arrays.stream(PollutionType.values()).map(t -> new Service(t.name(), t.label() + "污染问题",
                "生态环境保护督察转办的" + t.label() + "类群众信访举报", false, "batch", t.label(), "生态环境")).toList();
    }

    /**
     * Published petitions, newest first: of one service (pollution type), open or closed, received within
     * the dates — without dates the last {@link #DEFAULT_DAYS} days, as the spec advises; at most {@code limit}.
     */
    public List<Request> requests(PollutionType service, String status, LocalDate start, LocalDate end, int limit) {
        LocalDate from = start == null && end == null ? clock.today().minusDays(DEFAULT_DAYS) : start;
        PetitionFilter.Builder filter = PetitionFilter.builder().publishedOnly().receivedBetween(from, end);
        if (service != null) {
            filter.pollutionTypes(Set.of(service));
        }
        if ("open".equals(status)) {
            filter.statuses(Set.copyOf(java.util.EnumSet.complementOf(java.util.EnumSet.copyOf(CLOSED))));
        } else if ("closed".equals(status)) {
            filter.statuses(CLOSED);
        }
        return petitions.all(filter.build(), clock.today(), limit).stream()
                .sorted(java.util.Comparator.comparing((Petition p) -> p.receivedAt).reversed().thenComparing(p -> p.caseNumber))
                .map(Open311::request).toList();
    }

    public Request request(String caseNumber) {
        return petitions.find("caseNumber = ?1 and published = true", caseNumber).firstResultOptional().map(Open311::request)
                .orElseThrow(() -> new ResourceNotFoundException("Service request", caseNumber));
    }

    static Request request(Petition p) {
        PollutionType type = p.pollutionTypes.isEmpty() ? PollutionType.OTHER : PollutionType.valueOf(p.pollutionTypes.get(0));
        boolean closed = CLOSED.contains(p.status);
        String notes = p.publishedHandling != null ? p.publishedHandling : p.publishedInvestigation;
        return new Request(p.caseNumber, closed ? "closed" : "open", notes, type.label() + "污染问题", type.name(),
                p.publishedContent, p.leadUnit, null, p.receivedAt.atStartOfDay().atOffset(ZoneOffset.ofHours(8)),
                p.publishedAt != null && p.updatedAt != null && p.updatedAt.isAfter(p.publishedAt) ? p.updatedAt : p.publishedAt,
                p.deadline == null ? null : p.deadline.atTime(23, 59, 59).atOffset(ZoneOffset.ofHours(8)),
                "陕西省汉中市" + p.district.label(), null, null, null, null, null);
    }
}
