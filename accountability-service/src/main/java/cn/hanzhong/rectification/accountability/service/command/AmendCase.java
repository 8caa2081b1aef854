package cn.hanzhong.rectification.accountability.service.command;

import cn.hanzhong.rectification.accountability.domain.Subject;

import java.util.List;
import java.util.UUID;

/**
 * Work on a case before its decision: subjects, cited legal bases (with the article relied on),
 * allegations, related issues and petitions; {@code null} or empty lists change nothing. The reason
 * is recorded with every change.
 */
public record AmendCase(String reason, List<Subject> addSubjects, List<UUID> removeSubjects, List<Citation> addLegalBases,
                        List<UUID> removeLegalBases, String allegations, List<UUID> addRelatedIssues,
                        List<UUID> removeRelatedIssues, List<UUID> addRelatedPetitions, List<UUID> removeRelatedPetitions) {

    /** A legal basis of the catalogue and the article relied on (default: the catalogue's). */
    public record Citation(UUID legalBasisId, String article) {
    }
}
