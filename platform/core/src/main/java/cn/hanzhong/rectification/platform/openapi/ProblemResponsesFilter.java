package cn.hanzhong.rectification.platform.openapi;

import cn.hanzhong.rectification.platform.errors.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;

/**
 * Declares the problem responses once for every service's OpenAPI document: the {@code Problem}
 * schema and reusable responses ({@code BadRequest}, {@code Unauthorized}, {@code Forbidden},
 * {@code NotFound}, {@code Conflict}, {@code PreconditionFailed}, {@code PayloadTooLarge}, {@code UnsupportedMediaType},
 * {@code InternalError}), referenced from resources as
 * {@code @APIResponse(responseCode = "404", ref = "NotFound")}. Every operation gets 500, and every
 * non-public API operation 401 and 403, so no resource has to repeat them.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String PRECONDITION_FAILED = "PreconditionFailed";
    public static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String INTERNAL_ERROR = "InternalError";
    public static final String IDEMPOTENCY_KEY_REUSED = "IdempotencyKeyReused";

    private static final String SCHEMA_REF = "#/components/schemas/ProblemDetails";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema("Violation", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("A request field that is wrong, and why")
                .addProperty("field", string("The field: a JSON path into the body, or a parameter name", "deadline"))
                .addProperty("message", string("What is wrong with it", "must not be null")));
        components.addSchema("ProblemDetails", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details (问题详情). Extension members may follow, e.g. "
                        + "allowedActions and currentStatus on an illegal transition, errorId on an internal error.")
                .addProperty("type", string("Stable problem type (URN)", Problem.TYPE_PREFIX + "validation"))
                .addProperty("title", string("Short summary of the problem type", "Invalid request"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).examples(List.of(400)))
                .addProperty("detail", string("What went wrong in this request", "deadline: must not be null"))
                .addProperty("instance", string("The request path", "/api/v1/issues"))
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/Violation")))
                .addProperty("allowedActions", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(string(null, "START"))
                        .description("On 409 illegal-transition: the actions the caller may take now"))
                .addProperty("currentStatus", string("On 409 illegal-transition: the record's status now", "IN_PROGRESS"))
                .addProperty("retryAfterSeconds", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .description("On 429 and 503: seconds to wait (also in Retry-After)").examples(List.of(30)))
                .addProperty("errorId", string("On 500: quote it when reporting the error", "7f3c2a1e-5b6d-4e8f-9a0b-1c2d3e4f5a6b")));
        add(components, BAD_REQUEST, "Invalid input: malformed JSON, a wrong type, an unknown code or a failed rule; "
                + "violations name each wrong field (请求参数错误)");
        add(components, UNAUTHORIZED, "No bearer token, or an invalid or expired one (未认证)");
        add(components, FORBIDDEN, "The caller's role or unit may not do this (无权限)");
        add(components, NOT_FOUND, "No such resource (不存在)");
        add(components, CONFLICT, "An illegal state transition (allowedActions lists what is allowed) or a duplicate (冲突)");
        add(components, PRECONDITION_FAILED, "If-Match is not the current ETag: someone changed the record; re-read it (版本冲突)");
        add(components, PAYLOAD_TOO_LARGE, "The request body is too large (请求体过大)");
        add(components, UNSUPPORTED_MEDIA_TYPE, "The content is of a type this endpoint does not take, told from its bytes (不支持的文件类型)");
        add(components, IDEMPOTENCY_KEY_REUSED, "The Idempotency-Key was used for a different request (幂等键已用于其他请求)");
        add(components, INTERNAL_ERROR, "Unexpected server error; quote errorId when reporting it (服务器内部错误)");

        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            boolean secured = path.startsWith("/api/") && !cn.hanzhong.rectification.platform.security.PublicPaths.isPublic(path);
            Map<org.eclipse.microprofile.openapi.models.PathItem.HttpMethod, Operation> operations = item.getOperations();
            if (operations == null) {
                return;
            }
            Operation post = operations.get(org.eclipse.microprofile.openapi.models.PathItem.HttpMethod.POST);
            if (post != null && path.startsWith("/api/")) {
                post.addParameter(OASFactory.createParameter().name("Idempotency-Key")
                        .in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER).required(false)
                        .description("Makes a retry safe: the first response to this key is kept for 24 h and replayed "
                                + "(Idempotency-Replayed: true) to a retry of the same request; the same key with another "
                                + "request is 422, a retry while the first still runs 409 with Retry-After.")
                        .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).maxLength(255)
                                .examples(List.of("5f0c4a3e-8d2b-4a7e-9c1d-2b3e4f5a6b7c"))));
                APIResponses postResponses = post.getResponses() == null ? OASFactory.createAPIResponses() : post.getResponses();
                post.setResponses(postResponses);
                addRef(postResponses, "422", IDEMPOTENCY_KEY_REUSED);
                addRef(postResponses, "400", BAD_REQUEST); // a malformed Idempotency-Key, whatever the body
            }
            for (Operation op : operations.values()) {
                APIResponses responses = op.getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    op.setResponses(responses);
                }
                if (secured) {
                    addRef(responses, "401", UNAUTHORIZED);
                    addRef(responses, "403", FORBIDDEN);
                }
                addRef(responses, "500", INTERNAL_ERROR);
            }
        });
    }

    private static Schema string(String description, String example) {
        Schema s = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).examples(List.of(example));
        return description == null ? s : s.description(description);
    }

    private static void add(Components components, String name, String description) {
        APIResponse response = OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA_REF))));
        components.addResponse(name, response);
    }

    private static void addRef(APIResponses responses, String status, String name) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(name));
        }
    }
}
