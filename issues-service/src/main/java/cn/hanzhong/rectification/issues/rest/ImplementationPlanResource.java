package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.domain.PlanStatus;
import cn.hanzhong.rectification.issues.domain.PlanSubmission;
import cn.hanzhong.rectification.issues.rest.dto.PlanDtos;
import cn.hanzhong.rectification.issues.service.ImplementationPlans;
import cn.hanzhong.rectification.issues.service.command.SubmitPlan;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.rest.BodyLimit;
import cn.hanzhong.rectification.platform.rest.QueryParams;
import cn.hanzhong.rectification.platform.security.Roles;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;

/** The registry of unit implementation plans (整改实施方案): who owes one, submissions, the office's decision. */
@Path("/api/v1/implementation-plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Implementation plans", description = "Unit implementation plans (整改实施方案)")
public class ImplementationPlanResource {

    private final ImplementationPlans plans;
    private final ProgrammeClock clock;

    public ImplementationPlanResource(ImplementationPlans plans, ProgrammeClock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    /** The multipart form of a submission. */
    @Schema(name = "ImplementationPlanUpload")
    public static class Upload {
        @RestForm("file")
        @Schema(type = SchemaType.STRING, format = "binary", description = "The plan (PDF, Word, OpenDocument)")
        public FileUpload file;

        @RestForm("title")
        @Schema(examples = "汉台区贯彻落实省生态环境保护督察反馈意见整改实施方案", maxLength = 300)
        public String title;

        @RestForm("documentNumber")
        @Schema(description = "文号", examples = "汉台办发〔2021〕30号", maxLength = 100)
        public String documentNumber;

        @RestForm("publicUrl")
        @Schema(description = "Where the unit published the plan (its government website)", examples = "https://www.htq.gov.cn/zfxxgk/2021/zgfa.html")
        public String publicUrl;
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.PROVINCE, Roles.UNIT})
    @Operation(operationId = "listImplementationPlans", summary = "The registry: every unit's plan (a unit: its own)",
            description = "Units in code order with their plan's status (REQUIRED, SUBMITTED, ACCEPTED, RETURNED), due date, overdue flag "
                    + "and every submission.")
    @APIResponse(responseCode = "200", description = "The plans",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = PlanDtos.Plan.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public List<PlanDtos.Plan> list(@Parameter(description = "REQUIRED, SUBMITTED, ACCEPTED, RETURNED") @QueryParam("status") String status) {
        return plans.list(QueryParams.oneEnum("status", status, PlanStatus.class), false).stream().map(this::toResponse).toList();
    }

    @GET
    @Path("/missing")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.PROVINCE})
    @Operation(operationId = "listMissingImplementationPlans", summary = "Units that still owe their plan",
            description = "Not submitted yet, or returned and not submitted again; overdue once the due date has passed.")
    @APIResponse(responseCode = "200", description = "The units that owe a plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = PlanDtos.Plan.class)))
    public List<PlanDtos.Plan> missing() {
        return plans.list(null, true).stream().map(this::toResponse).toList();
    }

    @GET
    @Path("/{unit}")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.PROVINCE, Roles.UNIT})
    @Operation(operationId = "getImplementationPlan", summary = "One unit's plan with its submissions")
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanDtos.Plan.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PlanDtos.Plan get(@PathParam("unit") String unit) {
        return toResponse(plans.get(unit));
    }

    @POST
    @Path("/{unit}/submissions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @BodyLimit("${issues.evidence.max-file-size:50M}")
    @RolesAllowed({Roles.UNIT, Roles.OFFICE})
    @Operation(operationId = "submitImplementationPlan", summary = "Submit the unit's plan (the unit, or the office for it)",
            description = "Multipart: file, title, documentNumber (文号), publicUrl. The file is checked as evidence is (type from the bytes, "
                    + "size limit) and kept content-addressed. A plan already submitted or accepted is 409; a returned one is submitted again.")
    @APIResponse(responseCode = "200", description = "The plan after the submission",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanDtos.Plan.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public PlanDtos.Plan submit(@PathParam("unit") String unit, Upload form) {
        if (form == null || form.file == null) {
            throw new InvalidInputException("file", "is required (a multipart part named file)");
        }
        return toResponse(plans.submit(unit, new SubmitPlan(form.file.uploadedFile(), form.file.fileName(), form.title,
                form.documentNumber, form.publicUrl)));
    }

    @POST
    @Path("/{unit}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "decideImplementationPlan", summary = "Accept or return a submitted plan (office)",
            description = "ACCEPT lists it on /api/v1/public/implementation-plans; RETURN (with reasons) asks the unit for a new submission.")
    @APIResponse(responseCode = "200", description = "The plan after the decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanDtos.Plan.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public PlanDtos.Plan decide(@PathParam("unit") String unit, @Valid @NotNull PlanDtos.DecisionRequest request) {
        ImplementationPlans.Decision d = QueryParams.oneEnum("decision", request.decision(), ImplementationPlans.Decision.class);
        return toResponse(plans.decide(unit, d, request.reason()));
    }

    @GET
    @Path("/{unit}/file")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.PROVINCE, Roles.UNIT})
    @Operation(operationId = "downloadImplementationPlan", summary = "Download the latest submitted file")
    @APIResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "The file as stored, with the type told from its bytes (PDF, image, Word…)")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response file(@PathParam("unit") String unit) {
        return download(plans.file(unit, false));
    }

    static Response download(ImplementationPlans.Download d) {
        PlanSubmission s = d.submission();
        return Downloads.attachment(d.content(), s.fileMediaType, s.fileName, s.fileSize).build();
    }

    private PlanDtos.Plan toResponse(ImplementationPlans.View v) {
        var p = v.plan();
        return new PlanDtos.Plan(p.id, p.unit, v.unitName(), p.programme, p.dueDate, p.status, p.status.label(),
                p.status.owed() && p.dueDate.isBefore(clock.today()),
                v.submissions().stream().map(s -> new PlanDtos.Submission(s.seq, s.title, s.documentNumber, s.publicUrl, s.fileName,
                        s.fileMediaType, s.fileSize, s.fileSha256, s.submittedOn, s.submittedBy, s.decision, s.decisionReason,
                        s.decidedBy, s.decidedAt)).toList());
    }
}
