package cn.hanzhong.rectification.issues.service.command;

import cn.hanzhong.rectification.issues.domain.Approach;
import cn.hanzhong.rectification.issues.domain.Category;
import cn.hanzhong.rectification.issues.domain.ResponsibleOfficial;
import cn.hanzhong.rectification.issues.domain.Term;
import cn.hanzhong.rectification.issues.domain.Track;

import java.util.List;

/**
 * What a ledger item says about the problem and its rectification, as a registration or an edit
 * gives it. In an edit a {@code null} leaves the field as it is.
 */
public record IssueContent(String title, String description, Category category, List<String> districts,
                           String target, String requirements, List<String> measures, Approach approach,
                           Track track, Term term, List<ResponsibleOfficial> responsibleOfficials) {

    /** The same content with absent lists read as empty (a registration states the whole item). */
    public IssueContent withEmptyLists() {
        return new IssueContent(title, description, category, orEmpty(districts), target, requirements,
                orEmpty(measures), approach, track, term, orEmpty(responsibleOfficials));
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }
}
