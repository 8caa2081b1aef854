package cn.hanzhong.rectification.platform.support;

import cn.hanzhong.rectification.platform.errors.ConflictException;
import cn.hanzhong.rectification.platform.errors.IllegalTransitionException;
import cn.hanzhong.rectification.platform.errors.PreconditionFailedException;
import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageParams;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.paging.SortableFields;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Endpoints that fail in each way a real one can, so the mappers can be checked through HTTP. */
@Path("/test/probe")
@RolesAllowed({Roles.OFFICE, Roles.UNIT})
public class ProbeResource {

    public enum Colour { RED, GREEN }

    public record Measure(@NotBlank String text) {
    }

    public record Form(@NotBlank String title, @NotNull LocalDate due, Colour colour,
                       @Min(0) @Max(100) Integer percent, @Valid @Size(max = 3) List<Measure> measures) {
    }

    public record Item(int n, String name) {
    }

    private static final List<Item> ITEMS = IntStream.rangeClosed(1, 45)
            .mapToObj(i -> new Item(i, "item-" + (char) ('a' + (i % 26)))).toList();
    private static final SortableFields SORTABLE = SortableFields.of("n", "n", "name", "name")
            .defaultSort("n", true, "n");

    private final CurrentUser user;

    public ProbeResource(CurrentUser user) {
        this.user = user;
    }

    @POST
    @Path("/upload")
    @Consumes("text/plain")
    @Produces("text/plain")
    @cn.hanzhong.rectification.platform.rest.BodyLimit("8K")
    public String upload(String body) {
        return Integer.toString(body.length());
    }

    @POST
    @Path("/form")
    public Form form(@Valid @NotNull Form form) {
        return form;
    }

    @GET
    @Path("/not-found")
    public String notFound() {
        throw new ResourceNotFoundException("Issue", "FK-99");
    }

    @GET
    @Path("/conflict")
    public String conflict() {
        throw new ConflictException("Code FK-01 is taken");
    }

    @GET
    @Path("/transition")
    public String transition() {
        throw new IllegalTransitionException("ACCEPT", "IN_PROGRESS", List.of("REQUEST_ACCEPTANCE"));
    }

    @GET
    @Path("/stale")
    public String stale() {
        throw new PreconditionFailedException("If-Match 3 is not the current version 4");
    }

    @GET
    @Path("/optimistic")
    public String optimistic() {
        throw new OptimisticLockException("Row was updated or deleted by another transaction (class Secret)");
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internal detail in com.example.Secret");
    }

    @GET
    @Path("/query")
    public String query(@QueryParam("n") @Min(1) Integer n) {
        return "n=" + n;
    }

    @GET
    @Path("/leaders-only")
    @RolesAllowed(Roles.LEADER)
    public String leadersOnly() {
        return "ok";
    }

    @GET
    @Path("/me")
    public Map<String, Object> me() {
        return Map.of("subject", user.subject(), "name", user.name(), "roles", user.roles(),
                "unit", user.unit().orElse(""));
    }

    @GET
    @Path("/unit-only/{unit}")
    public String unitOnly(@PathParam("unit") String unit) {
        user.requireUnitAmong(List.of(unit), Roles.OFFICE);
        return "ok";
    }

    @GET
    @Path("/items")
    public Page<Item> items(@BeanParam PageParams paging) {
        PageRequest request = paging.toRequest(SORTABLE);
        var comparator = Comparator.<Item>comparingInt(i -> 0);
        for (var order : request.sort()) {
            Comparator<Item> c = order.property().equals("n")
                    ? Comparator.comparingInt(Item::n) : Comparator.comparing(Item::name);
            comparator = comparator.thenComparing(order.ascending() ? c : c.reversed());
        }
        List<Item> sorted = ITEMS.stream().sorted(comparator).toList();
        int from = Math.min(request.page() * request.size(), sorted.size());
        int to = Math.min(from + request.size(), sorted.size());
        return Page.of(sorted.subList(from, to), request, sorted.size());
    }

    @GET
    @Path("/open")
    @PermitAll
    public String open() {
        return "open";
    }
}
