package org.csp.measures.indicator;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.READER;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.csp.http.ApiCall;
import org.csp.partnership.PartnershipRegistry;

/** The partnership's catalogue as a whole: the coordinator imports a catalogue file; everyone reads its revisions. */
@Path("/api/indicators")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueResource {

    private final Catalogues catalogues;
    private final ApiCall call;

    public CatalogueResource(Catalogues catalogues, ApiCall call) {
        this.catalogues = catalogues;
        this.call = call;
    }

    /**
     * Imports a catalogue file ({@code csp-indicators/2}) of the caller's partnership (403 for another's): new
     * indicators are defined, changed ones amended, the rest left as they are, as one revision; the same file again
     * records nothing.
     */
    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COORDINATOR)
    public Uni<Catalogues.ImportResult> importFile(CatalogueFile file) {
        String named = file == null ? null : file.partnership();
        // a file naming no valid id is refused with its other problems; the caller's own catalogue is its context
        String partnershipId = call.partnership(
                named != null && PartnershipRegistry.ID.matcher(named).matches() ? named : null);
        return catalogues.importFile(partnershipId, file, call.actor());
    }

    /** Every revision of the partnership's catalogue, oldest first, with when and by whom it was recorded. */
    @GET
    @Path("revisions")
    @RolesAllowed(READER)
    public Uni<List<Catalogues.Revision>> revisions(@QueryParam("partnership") String partnership) {
        return catalogues.revisions(call.partnership(partnership));
    }
}
