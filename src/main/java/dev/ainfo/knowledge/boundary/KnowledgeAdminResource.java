package dev.ainfo.knowledge.boundary;

import dev.ainfo.auth.boundary.AuthenticatedCaller;
import dev.ainfo.knowledge.control.PolicyIndex;
import dev.ainfo.knowledge.control.ReindexSignal;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Re-ingests the policy corpus without a restart: reads {@code ainfo.knowledge.source} again (or the
 * shipped corpus), builds a fresh index and swaps it in, then tells the other instances to do the
 * same. Admins only.
 */
@Path("admin/knowledge")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "knowledge admin", description = "the search index (role admin)")
public class KnowledgeAdminResource {

    @Inject
    AuthenticatedCaller authenticated;

    @Inject
    PolicyIndex index;

    @Inject
    ReindexSignal signal;


    @Operation(summary = "Re-read ainfo.knowledge.source and swap the index")
    @POST
    @Path("reindex")
    public Map<String, Object> reindex() {
        authenticated.requireAdmin();
        Map<String, Object> status = new java.util.HashMap<>(index.reindex());
        status.put("otherInstances", signal.announce());
        return status;
    }

    @Operation(summary = "The index: policies, source, loaded or built, milliseconds, dense retrieval on")
    @GET
    public Map<String, Object> status() {
        authenticated.requireAdmin();
        return index.status();
    }
}
