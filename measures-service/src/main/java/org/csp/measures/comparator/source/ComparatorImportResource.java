package org.csp.measures.comparator.source;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.COUNTY_ANALYST;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.csp.http.ApiCall;
import org.csp.measures.comparator.Comparators;
import org.csp.measures.datapoint.CsvRows;
import org.csp.measures.geography.Geographies;
import org.csp.measures.indicator.IndicatorRules;
import org.csp.measures.indicator.IndicatorTable.IndicatorRow;
import org.csp.measures.indicator.Indicators;
import org.csp.partnership.PartnershipRegistry;
import org.csp.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * {@code POST /api/comparator-sources/{id}/imports}: an export of the source (CSV, as the tool writes it) read through
 * its saved mapping and recorded whole, one comparator ({@code measures.comparator.recorded.v2}) per row in the
 * partnership whose district the row names, or nothing.
 */
@Path("/api/comparator-sources/{id}/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ComparatorImportResource {

    /** The largest export accepted. */
    static final int MAX_BYTES = 1024 * 1024;

    private final ComparatorSources sources;
    private final Comparators comparators;
    private final Indicators indicators;
    private final Map<String, ExportRows.District> districts;
    private final ApiCall call;

    public ComparatorImportResource(
            ComparatorSources sources,
            Comparators comparators,
            Indicators indicators,
            Geographies geographies,
            PartnershipRegistry registry,
            ApiCall call) {
        this.sources = sources;
        this.comparators = comparators;
        this.indicators = indicators;
        this.call = call;
        Map<String, ExportRows.District> byName = new HashMap<>();
        for (Geographies.Geography g : geographies.list(null)) {
            if (g.level() == Geographies.Level.DISTRICT) {
                ExportRows.District d = new ExportRows.District(g.code(), g.partnership());
                byName.put(ExportRows.key(g.code()), d);
                byName.put(ExportRows.key(g.name()), d);
                registry.byId(g.partnership()).ifPresent(p -> byName.put(ExportRows.key(p.name()), d));
            }
        }
        this.districts = Map.copyOf(byName);
    }

    /** What an import did: how many rows it had, how many recorded new figures, and how many were current already. */
    public record ImportResult(int rows, int recorded, int unchanged) {}

    /**
     * Records every row or none: 200 with the counts; 422 listing every problem (a mapped column the header lacks; per
     * row and column an area that is not a district of the county or not of a partnership the caller may import for,
     * an indicator the partnership does not have, a figure or period that is not valid, a repeated row); 404 for a
     * source this partnership does not have; 413 over the size limits. A coordinator imports rows of their
     * partnership; the county analyst of any partnership it serves (or of the one it names).
     */
    @POST
    @Blocking
    @Consumes(CsvRows.CSV_TYPE)
    @RolesAllowed({COORDINATOR, COUNTY_ANALYST})
    public Uni<ImportResult> importExport(
            @PathParam("id") String id,
            @QueryParam("partnership") String partnership,
            @HeaderParam("Content-Type") String contentType,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = CsvRows.CSV_TYPE,
                                            schema =
                                                    @Schema(
                                                            type = SchemaType.STRING,
                                                            maxLength = MAX_BYTES,
                                                            description = "The export as its tool writes it (RFC 4180,"
                                                                    + " a header row naming the columns, UTF-8): at"
                                                                    + " most " + ExportRows.MAX_ROWS + " rows of"
                                                                    + " cells of at most " + CsvRows.MAX_CELL
                                                                    + " characters, in at most " + MAX_BYTES
                                                                    + " bytes")))
                    byte[] body) {
        CsvRows.isCsv(contentType);
        CsvRows.requireBody(body, MAX_BYTES, "Send the export as CSV with its header row.");
        String sourceId = ComparatorSourceResource.id(id);
        String scope = call.partnershipScope(partnership);
        Set<String> permitted = scope == null ? call.served() : Set.of(scope);
        List<String[]> records = CsvRows.records(body);
        if (records.isEmpty()) {
            throw new ProblemException(
                    400, "malformed-body", "The request body is malformed", "An export starts with its header row.");
        }
        if (records.size() - 1 > ExportRows.MAX_ROWS) {
            throw new ProblemException(
                    413,
                    "too-many-rows",
                    "The export is too large",
                    "An export holds at most " + ExportRows.MAX_ROWS + " rows; this one has " + (records.size() - 1)
                            + ". Split it.");
        }
        return sources.find(scope == null ? sources.county() : scope, sourceId).flatMap(found -> {
            var source = found.orElseThrow(() -> ProblemException.notFound("Comparator source", sourceId));
            return catalogues(permitted).flatMap(catalogues -> {
                ExportRows.Plan plan = ExportRows.read(
                        source.mapping(),
                        records,
                        new ExportRows.Context(
                                districts,
                                permitted,
                                catalogues,
                                call.today(),
                                sourceId,
                                call.actor().client()));
                if (!plan.violations().isEmpty()) {
                    long rows = plan.violations().stream()
                            .map(v -> v.row())
                            .distinct()
                            .count();
                    throw new ProblemException(
                            422,
                            "validation-failed",
                            "The export is not valid",
                            "The export has " + rows + (rows == 1 ? " row" : " rows")
                                    + " (or its header) with problems; nothing was stored. Each error names"
                                    + " its row and column.",
                            plan.violations());
                }
                return comparators
                        .recordAll(plan.recordings(), call.actor())
                        .map(recorded -> new ImportResult(
                                plan.recordings().size(),
                                recorded,
                                plan.recordings().size() - recorded));
            });
        });
    }

    /** The indicators of each partnership, by code. */
    private Uni<Map<String, Map<String, IndicatorRules>>> catalogues(Set<String> partnerships) {
        List<String> ids = new ArrayList<>(partnerships);
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Uni<List<IndicatorRow>>> lists =
                ids.stream().map(p -> indicators.list(p, null)).toList();
        return Uni.join().all(lists).andFailFast().map(all -> {
            Map<String, Map<String, IndicatorRules>> byPartnership = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                byPartnership.put(
                        ids.get(i),
                        all.get(i).stream().collect(Collectors.toMap(IndicatorRow::code, IndicatorRow::rules)));
            }
            return byPartnership;
        });
    }
}
