package cn.hanzhong.rectification.platform.support;

import cn.hanzhong.rectification.platform.paging.KeysetPageParams;
import cn.hanzhong.rectification.platform.paging.NativePages;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.SortableFields;
import cn.hanzhong.rectification.platform.search.GramStatistics;
import cn.hanzhong.rectification.platform.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A large native-SQL list for the bounded count and the keyset pages. */
@Path("/test/rows")
@RolesAllowed(Roles.OFFICE)
public class RowResource {

    @Entity
    @Table(name = "test_row")
    public static class Row extends PanacheEntityBase {
        @Id
        public UUID id;
        public int n;
        @Column(name = "label")
        public String label;
    }

    public record RowView(UUID id, int n, String label) {
    }

    private static final SortableFields SORTABLE = SortableFields.of("n", "r.n", "label", "r.label")
            .defaultSort("n", true, "r.id");

    private final EntityManager em;
    private final GramStatistics statistics;

    public RowResource(EntityManager em, GramStatistics statistics) {
        this.em = em;
        this.statistics = statistics;
    }

    /** The rows in {@code grp}; with {@code term}, those also in that group (a narrowing, as a search term is). */
    @GET
    @Transactional
    public Page<RowView> list(@QueryParam("grp") String grp, @QueryParam("term") String term,
                              @BeanParam KeysetPageParams paging) {
        Map<String, Object> params = new HashMap<>(Map.of("grp", grp == null ? "all" : grp));
        NativePages.Narrowing narrowing = null;
        if (term != null) {
            params.put("term", term);
            narrowing = new NativePages.Narrowing("r.grp @> array[cast(:term as text)]", share(term));
        }
        return new NativePages<>(em, Row.class, "test_row r", "r", (Row row) -> row.id)
                .page(" where r.grp @> array[cast(:grp as text)]", narrowing, params, paging.toRequest(SORTABLE))
                .map(r -> new RowView(r.id, r.n, r.label));
    }

    /** The largest share of the rows the statistics allow to be in all of {@code term}'s comma-separated groups. */
    @GET
    @Path("share")
    @Transactional
    public double share(@QueryParam("term") String term) {
        return statistics.maxShare(em, "test_row", "grp", Set.of(term.split(",")));
    }
}
