package org.csp.measures.comparator.source;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.COUNTY_ANALYST;
import static org.csp.security.Roles.READER;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.csp.http.ApiCall;
import org.csp.http.ETags;
import org.csp.measures.comparator.source.ComparatorSource.SaveMapping;
import org.csp.measures.comparator.source.ComparatorSourceEvent.Columns;
import org.csp.measures.comparator.source.ComparatorSourceEvent.Mapping;
import org.csp.measures.comparator.source.ComparatorSourceTable.SourceRow;
import org.csp.problem.FieldViolation;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Comparator sources ({@code measures.comparator-source.saved.v1}): how a source's family-group exports (iQuanta,
 * MaiDen) are read, saved once per source by the coordinator or the county analyst, read by everyone; their exports
 * are imported by {@link ComparatorImportResource}. A coordinator's sources are their partnership's; the county
 * analyst's are the county's (or a partnership's, when it names one with {@code ?partnership=}); a partnership reads
 * its own and the county's, its own first.
 */
@Path("/api/comparator-sources")
@Produces(MediaType.APPLICATION_JSON)
public class ComparatorSourceResource {

    private final ComparatorSources sources;
    private final ApiCall call;

    public ComparatorSourceResource(ComparatorSources sources, ApiCall call) {
        this.sources = sources;
        this.call = call;
    }

    /** The header names of the export's columns, as mapped. */
    public record ColumnsView(
            String indicator,
            String area,
            String period,
            String value,
            String average,
            String lower,
            String upper,
            String rank,
            String groupSize) {
        static ColumnsView of(Columns c) {
            return new ColumnsView(
                    c.indicator(),
                    c.area(),
                    c.period(),
                    c.value(),
                    c.average(),
                    c.lower(),
                    c.upper(),
                    c.rank(),
                    c.groupSize());
        }
    }

    /** A source: its id, its scope (a partnership's id or the county board's), its mapping and its version. */
    public record ComparatorSourceView(
            String id, String scope, String title, String format, String indicator, ColumnsView columns, long version) {
        static ComparatorSourceView of(SourceRow r) {
            return new ComparatorSourceView(
                    r.id(),
                    r.scope(),
                    r.mapping().title(),
                    r.mapping().format(),
                    r.mapping().indicator(),
                    ColumnsView.of(r.mapping().columns()),
                    r.version());
        }
    }

    /** The scope of this call: the partnership it is about, or the county for a county-wide caller naming none. */
    String scope(String partnership) {
        String p = call.partnershipScope(partnership);
        return p == null ? sources.county() : p;
    }

    /** A source id from the path, or a 422 naming it. */
    static String id(String id) {
        if (id == null || !ComparatorSourceRequest.ID.matcher(id).matches()) {
            throw ProblemException.invalid(List.of(new FieldViolation(
                    "id",
                    "must be a lower-case id such as 'iquanta', at most " + ComparatorSourceRequest.MAX_ID
                            + " characters")));
        }
        return id;
    }

    /** The sources this partnership (or the county) reads. */
    @GET
    @RolesAllowed(READER)
    public Uni<List<ComparatorSourceView>> list(@QueryParam("partnership") String partnership) {
        return sources.list(scope(partnership))
                .map(rows -> rows.stream().map(ComparatorSourceView::of).toList());
    }

    /** One source as this partnership reads it (its own, else the county's), with its version as ETag; 404 if none. */
    @GET
    @Path("{id}")
    @RolesAllowed(READER)
    @APIResponse(
            responseCode = "200",
            description = "The source",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ComparatorSourceView.class)))
    public Uni<Response> get(@PathParam("id") String id, @QueryParam("partnership") String partnership) {
        return sources.find(scope(partnership), id(id)).map(found -> {
            SourceRow row = found.orElseThrow(() -> ProblemException.notFound("Comparator source", id));
            return Response.ok(ComparatorSourceView.of(row))
                    .tag(Long.toString(row.version()))
                    .build();
        });
    }

    /**
     * Saves the source's mapping in the caller's scope: 201 the first time, 200 after (the same mapping again records
     * nothing). A new source needs no If-Match; changing a saved one does (428 without, 412 when stale).
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({COORDINATOR, COUNTY_ANALYST})
    @APIResponse(
            responseCode = "200",
            description = "The source, changed (or already so)",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ComparatorSourceView.class)))
    @APIResponse(
            responseCode = "201",
            description = "The source, new",
            headers = {@Header(ref = "Location"), @Header(ref = "ETag")},
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ComparatorSourceView.class)))
    public Uni<Response> save(
            @PathParam("id") String id,
            @QueryParam("partnership") String partnership,
            @HeaderParam("If-Match") String ifMatch,
            ComparatorSourceRequest body) {
        String sourceId = id(id);
        if (body == null) {
            throw Validation.missingBody();
        }
        Mapping mapping = body.validate();
        String scope = scope(partnership);
        Long expected = ETags.parseIfMatch(ifMatch);
        return sources.load(scope, sourceId)
                .flatMap(loaded -> {
                    Long version = loaded.version() == 0
                            ? expected
                            : Long.valueOf(expected == null ? ETags.requireIfMatch(ifMatch) : expected);
                    return sources.save(scope, new SaveMapping(sourceId, mapping), version, call.actor());
                })
                .map(outcome -> {
                    ComparatorSourceView view = ComparatorSourceView.of(
                            new SourceRow(scope, sourceId, outcome.state().mapping(), outcome.version()));
                    boolean created = outcome.changed()
                            && outcome.version() == outcome.events().size();
                    Response.ResponseBuilder answer = created
                            ? Response.status(201).header("Location", "/api/comparator-sources/" + sourceId)
                            : Response.ok();
                    return answer.entity(view)
                            .tag(Long.toString(outcome.version()))
                            .build();
                });
    }
}
