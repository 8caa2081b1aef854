package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.domain.Category;
import cn.hanzhong.rectification.issues.domain.IssueSource;
import cn.hanzhong.rectification.issues.domain.IssueStatus;
import cn.hanzhong.rectification.issues.domain.WarningLight;
import cn.hanzhong.rectification.issues.repository.IssueFilter;
import cn.hanzhong.rectification.platform.rest.QueryParams;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;

/** The ledger's search criteria as query parameters, shared by the list and the export. */
public class IssueFilterParams {

    @Parameter(description = "Status codes", example = "IN_PROGRESS")
    @QueryParam("status")
    List<String> status;

    @Parameter(description = "Category codes", example = "AIR")
    @QueryParam("category")
    List<String> category;

    @Parameter(description = "Source codes", example = "REPORT")
    @QueryParam("source")
    List<String> source;

    @Parameter(description = "Lead unit code", example = "SSTHJJ")
    @QueryParam("leadUnit")
    String leadUnit;

    @Parameter(description = "Lead or cooperating unit code", example = "HTQ")
    @QueryParam("unit")
    String unit;

    @Parameter(description = "County-district code", example = "HTQ")
    @QueryParam("district")
    String district;

    @Parameter(description = "GREEN, BLUE, YELLOW or RED")
    @QueryParam("warningLight")
    String warningLight;

    @Parameter(description = "true: open issues past their deadline")
    @QueryParam("overdue")
    String overdue;

    @Parameter(description = "Deadline on or after (YYYY-MM-DD)")
    @QueryParam("deadlineFrom")
    String deadlineFrom;

    @Parameter(description = "Deadline on or before (YYYY-MM-DD)")
    @QueryParam("deadlineTo")
    String deadlineTo;

    @Parameter(description = "Substring of code, title or description; Chinese terms of 2+ characters use an index", example = "扬尘")
    @QueryParam("q")
    String q;

    /** The criteria, each value checked (a wrong one is a 400 naming its parameter). */
    public IssueFilter toFilter() {
        return IssueFilter.builder()
                .statuses(QueryParams.enums("status", status, IssueStatus.class))
                .categories(QueryParams.enums("category", category, Category.class))
                .sources(QueryParams.enums("source", source, IssueSource.class))
                .leadUnit(QueryParams.text("leadUnit", leadUnit, 40))
                .unit(QueryParams.text("unit", unit, 40))
                .district(QueryParams.text("district", district, 40))
                .warningLight(QueryParams.oneEnum("warningLight", warningLight, WarningLight.class))
                .overdue(QueryParams.bool("overdue", overdue))
                .deadlineBetween(QueryParams.date("deadlineFrom", deadlineFrom), QueryParams.date("deadlineTo", deadlineTo))
                .q(QueryParams.text("q", q, 100))
                .build();
    }
}
