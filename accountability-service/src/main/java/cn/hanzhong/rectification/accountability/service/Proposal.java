package cn.hanzhong.rectification.accountability.service;

import cn.hanzhong.rectification.accountability.domain.CaseSource;
import cn.hanzhong.rectification.accountability.domain.ResponsibleOfficial;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A case a trigger proposes, at most once per {@code triggerKey}: the lead unit and the officials the
 * ledger names on the issue become its subjects, {@code facts} what the trigger saw; all editable.
 */
public record Proposal(String triggerKey, CaseSource source, String summary, List<UUID> relatedIssues,
                       List<UUID> relatedPetitions, String subjectUnit, List<ResponsibleOfficial> officials,
                       Map<String, Object> facts) {
}
