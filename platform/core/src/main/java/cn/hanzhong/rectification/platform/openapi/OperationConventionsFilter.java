package cn.hanzhong.rectification.platform.openapi;

import cn.hanzhong.rectification.platform.errors.Problem;
import cn.hanzhong.rectification.platform.security.PublicPaths;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings every service's final document (after the security requirements Quarkus adds for
 * {@code @RolesAllowed}) in line with OpenAPI 3.0 as the public linters (Spectral, Redocly) read it:
 * <ul>
 *   <li>a bearer scheme has no scopes, so an operation's roles move from its security requirement into its
 *       description ("Roles: office, unit") and an {@code x-roles} extension; the requirement becomes
 *       {@code bearerJwt: []}, the document's default; public operations say {@code security: []};</li>
 *   <li>401 and 403 refer to the shared problem responses, operations that are rate-limited (every public
 *       one, and every authenticated write) declare 429, and operations with query parameters 414 (an
 *       over-long request line, answered by the HTTP server before any resource);</li>
 *   <li>the example of a list parameter is a list;</li>
 *   <li>an operation that takes a body declares 413 and 415, one with a path parameter 404, one with any
 *       parameter 400;</li>
 *   <li>a declared error response without content is problem+json (every error the platform answers is);</li>
 *   <li>a code (enum) property that is not required admits null;</li>
 *   <li>an operation without a description gets its summary as one;</li>
 *   <li>shared problem responses no operation of this service refers to are left out.</li>
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BOTH)
public class OperationConventionsFilter implements OASFilter {

    static final String SCHEME = "bearerJwt";
    static final String TOO_MANY_REQUESTS = "TooManyRequests";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null) {
            if (openAPI.getComponents().getSchemas() != null && openAPI.getComponents().getSchemas().containsKey("ProblemDetails")) {
                // The error type's own schema (from its class) duplicates the documented ProblemDetails.
                openAPI.getComponents().removeSchema("Problem");
            }
            openAPI.getComponents().addResponse(TOO_MANY_REQUESTS, OASFactory.createAPIResponse()
                    .description("Over the request budget (public endpoints per client address, writes per token); "
                            + "Retry-After says when to try again (请求过于频繁)")
                    .addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait")
                            .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))))
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/ProblemDetails")))));
        }
        openAPI.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            Map<PathItem.HttpMethod, Operation> operations = item.getOperations();
            if (operations == null) {
                return;
            }
            boolean open = !path.startsWith("/api/") || PublicPaths.isPublic(path);
            operations.forEach((method, op) -> {
                List<String> roles = roles(op);
                if (open) {
                    op.setSecurity(new ArrayList<>());
                } else {
                    op.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));
                    if (!roles.isEmpty()) {
                        op.addExtension("x-roles", roles);
                    }
                }
                APIResponses responses = op.getResponses();
                if (responses != null) {
                    if (!open) {
                        responses.addAPIResponse("401", OASFactory.createAPIResponse().ref(ProblemResponsesFilter.UNAUTHORIZED));
                        responses.addAPIResponse("403", OASFactory.createAPIResponse().ref(ProblemResponsesFilter.FORBIDDEN));
                    }
                    boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                            && method != PathItem.HttpMethod.OPTIONS;
                    boolean queried = op.getParameters() != null
                            && op.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
                    if (queried && !responses.hasAPIResponse("414")) {
                        responses.addAPIResponse("414", OASFactory.createAPIResponse()
                                .description("The request line (path and query) is longer than the server takes (URI too long)"));
                    }
                    boolean pathParameter = path.contains("{");
                    if (pathParameter && !responses.hasAPIResponse("404")) {
                        // No such record, or a path segment that does not read as the parameter's type.
                        responses.addAPIResponse("404", OASFactory.createAPIResponse().ref(ProblemResponsesFilter.NOT_FOUND));
                    }
                    if ((pathParameter || queried) && !responses.hasAPIResponse("400")) {
                        // A parameter that does not read (a malformed id, an unknown code, a bad page).
                        responses.addAPIResponse("400", OASFactory.createAPIResponse().ref(ProblemResponsesFilter.BAD_REQUEST));
                    }
                    if (op.getRequestBody() != null && !responses.hasAPIResponse("415")) {
                        responses.addAPIResponse("415", OASFactory.createAPIResponse().ref(ProblemResponsesFilter.UNSUPPORTED_MEDIA_TYPE));
                    }
                    if (op.getRequestBody() != null && !responses.hasAPIResponse("413")) {
                        responses.addAPIResponse("413", OASFactory.createAPIResponse().ref(ProblemResponsesFilter.PAYLOAD_TOO_LARGE));
                    }
                    // Every error the platform answers is problem+json: a declared error without content says so.
                    if (responses.getAPIResponses() != null) {
                        responses.getAPIResponses().forEach((status, r) -> {
                            if ((status.startsWith("4") || status.startsWith("5")) && !"414".equals(status)
                                    && r.getRef() == null && (r.getContent() == null || r.getContent().getMediaTypes() == null
                                    || r.getContent().getMediaTypes().isEmpty())) {
                                r.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref("#/components/schemas/ProblemDetails"))));
                            }
                        });
                    }
                    if ((open || write) && !responses.hasAPIResponse("429")) {
                        responses.addAPIResponse("429", OASFactory.createAPIResponse().ref(TOO_MANY_REQUESTS));
                    }
                }
                String description = op.getDescription() == null || op.getDescription().isBlank()
                        ? (op.getSummary() == null ? "" : op.getSummary() + ".") : op.getDescription();
                if (!open && !roles.isEmpty()) {
                    description = description + (description.isEmpty() ? "" : "\n\n") + "Roles: " + String.join(", ", roles) + ".";
                }
                if (!description.isBlank()) {
                    op.setDescription(description);
                }
                if (op.getParameters() != null) {
                    op.getParameters().forEach(OperationConventionsFilter::listExample);
                }
            });
        });
        dropUnusedResponses(openAPI);
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            Map<String, Schema> components = openAPI.getComponents().getSchemas();
            new ArrayList<>(components.values()).forEach(schema -> nullableEnums(schema, components));
        }
    }

    /**
     * A code property that is not required may be null in a response (Jackson writes every field): its
     * enum admits null, as OpenAPI 3.1 says it — inline, type and enum both list null; a reference to a
     * code list becomes "that list, or null".
     */
    private static void nullableEnums(Schema schema, Map<String, Schema> components) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        new ArrayList<>(schema.getProperties().keySet()).forEach(name -> {
            Schema property = schema.getProperties().get(name);
            if (required.contains(name)) {
                return;
            }
            if (property.getRef() != null) {
                Schema target = components.get(property.getRef().substring(property.getRef().lastIndexOf('/') + 1));
                if (target != null && target.getEnumeration() != null) {
                    Schema nullable = OASFactory.createSchema()
                            .addAnyOf(OASFactory.createSchema().ref(property.getRef()))
                            .addAnyOf(OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL)));
                    if (property.getDescription() != null) {
                        nullable.setDescription(property.getDescription());
                    }
                    schema.addProperty(name, nullable);
                }
                return;
            }
            if (property.getEnumeration() == null || property.getEnumeration().contains(null)) {
                return;
            }
            List<Object> values = new ArrayList<>(property.getEnumeration());
            values.add(null);
            property.setEnumeration(values);
            if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
                List<Schema.SchemaType> types = new ArrayList<>(property.getType());
                types.add(Schema.SchemaType.NULL);
                property.setType(types);
            }
        });
    }

    /** The shared problem responses this service's operations never refer to. */
    private static void dropUnusedResponses(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getResponses() == null) {
            return;
        }
        Set<String> used = new java.util.HashSet<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getOperations() != null) {
                item.getOperations().values().forEach(op -> {
                    if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                        op.getResponses().getAPIResponses().values().forEach(r -> {
                            if (r.getRef() != null) {
                                used.add(r.getRef().substring(r.getRef().lastIndexOf('/') + 1));
                            }
                        });
                    }
                });
            }
        });
        new ArrayList<>(openAPI.getComponents().getResponses().keySet()).stream().filter(name -> !used.contains(name))
                .forEach(openAPI.getComponents()::removeResponse);
    }

    /** The roles named in the operation's bearer requirement (Quarkus puts @RolesAllowed there). */
    private static List<String> roles(Operation op) {
        Set<String> roles = new LinkedHashSet<>();
        if (op.getSecurity() != null) {
            for (SecurityRequirement r : op.getSecurity()) {
                if (r.getSchemes() != null && r.getSchemes().get(SCHEME) != null) {
                    roles.addAll(r.getSchemes().get(SCHEME));
                }
            }
        }
        return List.copyOf(roles);
    }

    private static void listExample(Parameter p) {
        Schema s = p.getSchema();
        boolean list = s != null && s.getType() != null && s.getType().contains(Schema.SchemaType.ARRAY);
        if (list && p.getExample() != null && !(p.getExample() instanceof List<?>)) {
            p.setExample(List.of(p.getExample()));
        }
    }
}
