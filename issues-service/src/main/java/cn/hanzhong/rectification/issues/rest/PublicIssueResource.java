package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.domain.Category;
import cn.hanzhong.rectification.issues.domain.IssueStatus;
import cn.hanzhong.rectification.issues.repository.IssueFilter;
import cn.hanzhong.rectification.issues.service.PublicIssue;
import cn.hanzhong.rectification.issues.service.PublicIssueService;
import cn.hanzhong.rectification.platform.paging.KeysetPageParams;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.rest.QueryParams;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

/** Public disclosure (信息公开) of rectification progress: no token needed, nothing internal. */
@Path("/api/v1/public/issues")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Public disclosure", description = "Rectification progress for the public (信息公开), no token")
public class PublicIssueResource {

    private final PublicIssueService issues;

    public PublicIssueResource(PublicIssueService issues) {
        this.issues = issues;
    }

    @GET
    @Operation(operationId = "listPublicIssues", summary = "Disclosed rectification progress",
            description = "Code, title, category, lead unit, deadline, status and progress of every issue but cancelled "
                    + "duplicates. Sortable: code, deadline, progressPercent, status, title.")
    @APIResponse(responseCode = "200", description = "One page of issues")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<PublicIssue> list(
            @Parameter(description = "Category codes") @QueryParam("category") List<String> category,
            @Parameter(description = "Status codes") @QueryParam("status") List<String> status,
            @Parameter(description = "Lead unit code") @QueryParam("leadUnit") String leadUnit,
            @Parameter(description = "Substring of the code or title (the fields shown here)", example = "扬尘") @QueryParam("q") String q,
            @BeanParam KeysetPageParams paging) {
        IssueFilter filter = IssueFilter.builder()
                .statuses(QueryParams.enums("status", status, IssueStatus.class))
                .categories(QueryParams.enums("category", category, Category.class))
                .leadUnit(QueryParams.text("leadUnit", leadUnit, 40))
                .q(QueryParams.text("q", q, 100))
                .excluding(Set.of(IssueStatus.CANCELLED))
                .publicSearch()
                .build();
        return issues.list(filter, paging.toRequest(IssueResource.SORTABLE));
    }
}
