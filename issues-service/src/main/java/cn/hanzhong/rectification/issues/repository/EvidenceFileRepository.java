package cn.hanzhong.rectification.issues.repository;

import cn.hanzhong.rectification.issues.domain.EvidenceFile;
import cn.hanzhong.rectification.issues.domain.EvidenceRecord;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EvidenceFileRepository implements PanacheRepositoryBase<EvidenceFile, UUID> {

    private static final Sort ORDER = Sort.ascending("uploadedAt", "id");

    public List<EvidenceFile> ofIssue(UUID issueId) {
        return find("issueId", ORDER, issueId).list();
    }

    public List<EvidenceFile> submittedOfIssue(UUID issueId) {
        return find("issueId = ?1 and submittedAt is not null", ORDER, issueId).list();
    }

    public List<EvidenceFile> ofRecord(EvidenceRecord kind, String recordId) {
        return find("recordKind = ?1 and recordId = ?2", ORDER, kind, recordId).list();
    }
}
