package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.domain.EvidenceFile;
import cn.hanzhong.rectification.issues.domain.EvidenceRecord;
import cn.hanzhong.rectification.issues.rest.dto.EvidenceFileResponse;
import cn.hanzhong.rectification.issues.service.DossierArchive;
import cn.hanzhong.rectification.issues.service.EvidenceService;
import cn.hanzhong.rectification.issues.service.command.UploadEvidence;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.rest.BodyLimit;
import cn.hanzhong.rectification.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
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
import java.util.Locale;
import java.util.UUID;

/** An issue's dossier (一案一档): upload evidence, list it, download a file or the whole dossier as a ZIP. */
@Path("/api/v1/issues/{id}")
@Tag(name = "Evidence", description = "Evidence files of an issue's dossier (一案一档)")
public class EvidenceResource {

    private static final String ZIP = "application/zip";

    private final EvidenceService evidence;
    private final DossierArchive archive;

    public EvidenceResource(EvidenceService evidence, DossierArchive archive) {
        this.evidence = evidence;
        this.archive = archive;
    }

    /** The multipart form of an upload. */
    @Schema(name = "EvidenceUpload")
    public static class Upload {
        @RestForm("file")
        @Schema(type = SchemaType.STRING, format = "binary", description = "The file (photo, PDF, Office, OpenDocument, text, CSV, video)")
        public FileUpload file;

        @RestForm("description")
        @Schema(description = "What the file shows (说明)", maxLength = 2000, examples = "整改后现场照片")
        public String description;
    }

    @POST
    @Path("/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @BodyLimit("${issues.evidence.max-file-size:50M}")
    @RolesAllowed({Roles.OFFICE, Roles.UNIT})
    @Operation(operationId = "uploadEvidence", summary = "Upload an evidence file as a draft (佐证材料)",
            description = "Multipart with the parts file and description. The type is told from the bytes (Apache Tika): executables and "
                    + "scripts are refused (415) whatever their name, a name that says another type than the bytes is 400, other types "
                    + "415. At most issues.evidence.max-file-size (default 50 MB; 413 above it). The file is a draft until submitted "
                    + "with a progress report (evidenceIds), an application for acceptance or a supervision-order response; "
                    + "then it is kept for good. The office and the issue's lead and cooperating units may upload.")
    @APIResponse(responseCode = "201", description = "Stored; Location points to the file",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvidenceFileResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response upload(@PathParam("id") UUID id, Upload form, @Context UriInfo uri) {
        if (form == null || form.file == null) {
            throw new InvalidInputException("file", "is required (a multipart part named file)");
        }
        if (form.description != null && form.description.length() > 2000) {
            throw new InvalidInputException("description", "may be at most 2000 characters");
        }
        EvidenceFile f = evidence.upload(id, new UploadEvidence(form.file.uploadedFile(), form.file.fileName(), form.description));
        return Response.created(uri.getBaseUriBuilder().path(href(f)).build()).entity(toResponse(f)).build();
    }

    @GET
    @Path("/dossier")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE, Roles.DISCIPLINE})
    @Operation(operationId = "listDossier", summary = "List the issue's dossier (一案一档)",
            description = "Every file of the issue across its progress reports, applications for acceptance, supervision-order responses "
                    + "and look-back checks, and its loose drafts, in upload order; recordKind and recordId narrow it to one record.")
    @APIResponse(responseCode = "200", description = "The files",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = EvidenceFileResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<EvidenceFileResponse> dossier(@PathParam("id") UUID id,
                                              @Parameter(description = "PROGRESS_REPORT, ACCEPTANCE_REQUEST, ORDER_RESPONSE or LOOK_BACK_CHECK")
                                              @QueryParam("recordKind") String recordKind,
                                              @Parameter(description = "One record's id") @QueryParam("recordId") String recordId) {
        return evidence.dossier(id, kind(recordKind), recordId == null || recordId.isBlank() ? null : recordId.strip())
                .stream().map(EvidenceResource::toResponse).toList();
    }

    @GET
    @Path("/dossier.zip")
    @Produces(ZIP)
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE, Roles.DISCIPLINE})
    @Operation(operationId = "downloadDossier", summary = "Download the dossier as a ZIP with its index sheet",
            description = "Every submitted file in a folder per kind of record (月度进展报告, 销号申请, 督办回复, 回头看核查), named "
                    + "<n>-<original name>, and 目录.xlsx listing each with its record, description, type, size, SHA-256, uploader and "
                    + "dates: the archive the office files at sign-off. Streamed.")
    @APIResponse(responseCode = "200", description = "The archive",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response dossierZip(@PathParam("id") UUID id) {
        DossierArchive.Dossier dossier = archive.of(id);
        StreamingOutput body = out -> archive.write(dossier, out);
        return Response.ok(body, ZIP).header("Content-Disposition", Downloads.disposition(dossier.fileName())).build();
    }

    @GET
    @Path("/evidence/{fileId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE, Roles.DISCIPLINE})
    @Operation(operationId = "getEvidence", summary = "Read an evidence file's record")
    @APIResponse(responseCode = "200", description = "The file's record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvidenceFileResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public EvidenceFileResponse get(@PathParam("id") UUID id, @PathParam("fileId") UUID fileId) {
        return toResponse(evidence.get(id, fileId));
    }

    @GET
    @Path("/evidence/{fileId}/content")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE, Roles.DISCIPLINE})
    @Operation(operationId = "downloadEvidence", summary = "Download an evidence file",
            description = "The bytes as uploaded, with the detected type, Content-Disposition: attachment with the original name, and "
                    + "the SHA-256 as ETag. Whoever may read the issue may download its files.")
    @APIResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "The file as stored, with the type told from its bytes (PDF, image, Word…)")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response download(@PathParam("id") UUID id, @PathParam("fileId") UUID fileId) {
        EvidenceService.Download d = evidence.download(id, fileId);
        return Downloads.attachment(d.content(), d.file().mediaType, d.file().originalName, d.file().sizeBytes)
                .tag(new EntityTag(d.file().sha256)).build();
    }

    @DELETE
    @Path("/evidence/{fileId}")
    @RolesAllowed({Roles.OFFICE, Roles.UNIT})
    @Operation(operationId = "deleteEvidenceDraft", summary = "Remove a draft evidence file",
            description = "Only a draft, by its unit or the office; a submitted file is kept (409).")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void delete(@PathParam("id") UUID id, @PathParam("fileId") UUID fileId) {
        evidence.deleteDraft(id, fileId);
    }

    static EvidenceFileResponse toResponse(EvidenceFile f) {
        return new EvidenceFileResponse(f.id, f.issueId, f.recordKind, f.recordKind == null ? null : f.recordKind.label(),
                f.recordId, f.submitted() ? "SUBMITTED" : "DRAFT", f.originalName, f.description, f.mediaType, f.sizeBytes,
                f.sha256, f.uploadedBy, f.uploadedUnit, f.uploadedAt, f.submittedAt, href(f) + "/content");
    }

    private static String href(EvidenceFile f) {
        return "/api/v1/issues/" + f.issueId + "/evidence/" + f.id;
    }

    private static EvidenceRecord kind(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return EvidenceRecord.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("recordKind", "must be one of PROGRESS_REPORT, ACCEPTANCE_REQUEST, ORDER_RESPONSE, LOOK_BACK_CHECK");
        }
    }
}
