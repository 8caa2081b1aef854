package cn.hanzhong.rectification.accountability.service.command;

import cn.hanzhong.rectification.accountability.domain.CaseSource;
import cn.hanzhong.rectification.accountability.domain.Subject;

import java.util.List;
import java.util.UUID;

/**
 * Open a case by hand. Related issues, petitions and legal bases must be known to the service; the
 * subjects' ids are assigned when the case is opened (any id given is ignored).
 */
public record OpenCase(CaseSource source, String summary, String allegations, List<UUID> relatedIssues,
                       List<UUID> relatedPetitions, List<UUID> legalBases, List<Subject> subjects) {
}
