package cn.hanzhong.rectification.platform.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The one set of exception mappers of every service: each error becomes an RFC 9457
 * {@code application/problem+json} response. Class names, SQL and stack traces never reach the
 * client; unexpected errors are logged with an {@code errorId} that the response repeats.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response r = respond(Problem.builder(e.status(), e.slug(), e.title())
                .detail(e.getMessage())
                .violations(e.violations())
                .extensions(e.extensions()), uri);
        if (e.headers().isEmpty()) {
            return r;
        }
        Response.ResponseBuilder b = Response.fromResponse(r);
        e.headers().forEach(b::header);
        return b.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        boolean returnValue = e.getConstraintViolations().stream().anyMatch(ProblemMappers::isReturnValue);
        if (returnValue) {
            return unexpected(e, uri);
        }
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return respond(Problem.builder(400, "validation", "Invalid request")
                .detail(violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                        : violations.size() + " fields are invalid")
                .violations(violations), uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return respond(Problem.builder(400, "malformed-body", "Malformed request body")
                .detail("The body is not valid JSON (line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr() + ")"), uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        Class<?> target = e.getTargetType();
        String message;
        if (target != null && target.isEnum()) {
            message = "must be one of " + Arrays.toString(target.getEnumConstants());
        } else {
            message = "must be " + describe(target);
        }
        return fieldProblem(e, message, uri);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return fieldProblem(e, "is not a known field", uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        if (e.getPath().isEmpty()) {
            return respond(Problem.builder(400, "malformed-body", "Malformed request body")
                    .detail("The body must be a JSON " + describe(e.getTargetType())), uri);
        }
        return fieldProblem(e, "must be " + describe(e.getTargetType()), uri);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e, UriInfo uri) {
        String reason = e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null
                ? iae.getMessage() : "has an invalid value";
        return fieldProblem(e, reason, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(Problem.builder(400, "malformed-body", "Malformed request body")
                .detail("The body could not be read as JSON"), uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.builder(401, "unauthenticated", "Authentication required")
                        .detail("A valid bearer token is required"), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.builder(403, "forbidden", "Forbidden")
                .detail(e.getMessage() != null && !e.getMessage().isBlank()
                        ? e.getMessage() : "Your role or unit may not do this"), uri);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response stale(RuntimeException e, UriInfo uri) {
        return respond(staleProblem(), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        // The REST layer wraps body-reading failures; answer them as if they had reached us directly.
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof JsonParseException jpe) {
                return malformedJson(jpe, uri);
            }
            if (c instanceof InvalidFormatException ife) {
                return invalidFormat(ife, uri);
            }
            if (c instanceof UnrecognizedPropertyException upe) {
                return unknownProperty(upe, uri);
            }
            if (c instanceof MismatchedInputException mie) {
                return mismatchedInput(mie, uri);
            }
            if (c instanceof JsonMappingException jme) {
                return mapping(jme, uri);
            }
            if (c instanceof JsonProcessingException jpe) {
                return json(jpe, uri);
            }
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "HTTP " + status;
        String detail = switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed here";
            case 406 -> "No acceptable representation; ask for a type this operation produces (its OpenAPI document lists them)";
            case 415 -> "Unsupported content type; send one this operation consumes (application/json for commands, "
                    + "multipart/form-data for uploads, text/csv or XLSX for sheets; its OpenAPI document lists them)";
            default -> title;
        };
        return respond(Problem.builder(status, slug(title), title).detail(detail), uri, e.getResponse());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        // Wrapped causes (a failed commit, an interceptor) may still be the client's doing.
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof ProblemException p) {
                return problem(p, uri);
            }
            if (c instanceof OptimisticLockException || c instanceof StaleStateException) {
                return respond(staleProblem(), uri);
            }
            if (c instanceof ConstraintViolationException cve) {
                return validation(cve, uri);
            }
            if (c instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return respond(Problem.builder(409, "conflict", "Conflict")
                        .detail("A record with the same unique value already exists"), uri);
            }
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, uri != null ? uri.getPath() : "?");
        return respond(Problem.builder(500, "internal", "Internal error")
                .detail("An unexpected error occurred; quote errorId " + errorId + " when reporting it")
                .extension("errorId", errorId), uri);
    }

    private static Problem.Builder staleProblem() {
        return Problem.builder(412, "precondition-failed", "Precondition failed")
                .detail("The record was changed by someone else; read it again and retry with its new ETag");
    }

    private Response fieldProblem(JsonMappingException e, String message, UriInfo uri) {
        String field = jsonPath(e.getPath());
        return respond(Problem.builder(400, "validation", "Invalid request")
                .detail(field + ": " + message)
                .violations(List.of(new Problem.Violation(field, message))), uri);
    }

    private static Response respond(Problem.Builder problem, UriInfo uri) {
        return respond(problem, uri, null);
    }

    private static Response respond(Problem.Builder builder, UriInfo uri, Response original) {
        if (uri != null) {
            // The raw (still encoded) path: a decoded one may hold characters a URI cannot ({, ", space).
            builder.instance(URI.create(uri.getRequestUri().getRawPath()));
        }
        Problem problem = builder.build();
        Response.ResponseBuilder r = Response.status(problem.getStatus())
                .type(Problem.MEDIA_TYPE)
                .entity(problem);
        if (original != null && original.getHeaderString(HttpHeaders.ALLOW) != null) {
            r.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
        }
        return r.build();
    }

    static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                b.append('[').append(ref.getIndex()).append(']');
            }
        }
        return b.isEmpty() ? "body" : b.toString();
    }

    /** {@code create.request.deadline} becomes {@code deadline}; a query parameter keeps its own name. */
    static String fieldOf(ConstraintViolation<?> v) {
        StringBuilder b = new StringBuilder();
        String parameter = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (node.getIndex() != null) {
                b.append('[').append(node.getIndex()).append(']');
            }
            if (!b.isEmpty()) {
                b.append('.');
            }
            b.append(node.getName());
        }
        if (!b.isEmpty()) {
            return b.toString();
        }
        return parameter != null ? parameter : v.getPropertyPath().toString();
    }

    private static boolean isReturnValue(ConstraintViolation<?> v) {
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == OffsetDateTime.class || type == Instant.class) {
            return "a date-time with offset (ISO-8601)";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
