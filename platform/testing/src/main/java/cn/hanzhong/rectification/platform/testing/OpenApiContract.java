package cn.hanzhong.rectification.platform.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;
import java.util.stream.Collectors;

/**
 * Checks every interaction a test has with the service against the service's own OpenAPI document
 * (Atlassian's swagger-request-validator): every response — its status, content type, headers and
 * body — must be one the document declares for the operation; a request the service accepted (status
 * below 400) must be one the document allows. Requests a test sends wrong on purpose are not
 * checked (the service refused them, as the document says it should); the answer to them is. Only the
 * service's own API is checked ({@code /api/}, {@code /open311/}), not {@code /q/} nor other hosts.
 */
public final class OpenApiContract implements OrderedFilter {

    /** A request sent malformed on purpose (the fuzz) carries this header: only its answer is checked. */
    public static final String RESPONSE_ONLY = "X-Contract-Check";

    private final java.util.Map<Integer, OpenApiInteractionValidator> validators = new java.util.concurrent.ConcurrentHashMap<>();

    /** The validator of the service answering on {@code port}: its live document, read once. */
    private OpenApiInteractionValidator validator(URI uri) {
        return validators.computeIfAbsent(uri.getPort(), port -> {
            try {
                var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                                URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + port + "/q/openapi?format=json")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("/q/openapi answered " + response.statusCode());
                }
                return create(response.body());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static OpenApiInteractionValidator create(String document) {
        return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        // A path outside the document (a test probing an unknown URL) is answered 404 by the platform.
                        .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                        // The bearer token is the service's to check (its 401 tests); REST Assured adds it after this filter sees the request.
                        .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                        // The validator reads a comma in a repeated list value (sort=id,asc) as JSON and fails to parse it.
                        .withLevel("validation.request.parameter.schema.invalidJson", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        String path = uri.getRawPath();
        if (uri.getPort() != io.restassured.RestAssured.port || !(path.startsWith("/api/") || path.startsWith("/open311/"))) {
            return response;
        }
        OpenApiInteractionValidator validator = validator(uri);
        Request req = RestAssuredRequest.of(request);
        String type = request.getContentType();
        // The adapter does not carry a multipart body: such a request's answer is checked, not its parts.
        boolean multipart = type != null && type.startsWith("multipart/");
        boolean checkRequest = response.statusCode() < 400 && request.getHeaders().getValue(RESPONSE_ONLY) == null && !multipart;
        ValidationReport report = checkRequest
                ? validator.validate(req, RestAssuredResponse.of(response))
                : validator.validateResponse(req.getPath(), req.getMethod(), RestAssuredResponse.of(response));
        if (report.hasErrors()) {
            throw new AssertionError("The interaction does not follow the OpenAPI document: " + request.getMethod() + " "
                    + path + " → " + response.statusCode() + "\n" + report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .map(m -> "  - " + m.getKey() + ": " + m.getMessage()).collect(Collectors.joining("\n")));
        }
        return response;
    }
}
