package dev.ainfo.knowledge.boundary;

import dev.ainfo.auth.boundary.AuthenticatedCaller;
import dev.ainfo.knowledge.control.PolicyIndex;
import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.PolicyHit;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Policy search and lookup for signed-in users, as PROTOCOL.md describes. Bad q or k: 400 via ProblemMapper. */
@Path("policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "policies", description = "search the youth-policy records")
public class PoliciesResource {

    static final int MAX_K = 50;
    static final int MAX_QUERY = 500;

    @Inject
    AuthenticatedCaller authenticated;

    @Inject
    PolicyIndex index;

    public record SearchResult(String id, String title, String institution, String url, double score, String snippet) {
        static SearchResult of(PolicyHit hit) {
            Policy p = hit.policy();
            return new SearchResult(p.id(), p.title(), p.institution(), p.url(), Math.round(hit.score() * 1000) / 1000.0,
                    hit.snippet());
        }
    }

    @Operation(summary = "Ranked policy records for a question (k from 1 to 50)")
    @GET
    @Path("search")
    public List<SearchResult> search(@QueryParam("q") String q, @QueryParam("k") @DefaultValue("10") String k) {
        authenticated.require();
        if (q == null || q.isBlank()) {
            throw new IllegalArgumentException("q is required");
        }
        if (q.length() > MAX_QUERY) {
            throw new IllegalArgumentException("q must be at most " + MAX_QUERY + " characters");
        }
        return index.search(q.strip(), count(k)).stream().map(SearchResult::of).toList();
    }

    @Operation(summary = "One policy record")
    @GET
    @Path("{id}")
    public Policy policy(@PathParam("id") String id) {
        authenticated.require();
        return index.find(id).orElseThrow(() -> new NotFoundException("no such policy"));
    }

    static int count(String k) {
        try {
            int n = Integer.parseInt(k.strip());
            if (n >= 1 && n <= MAX_K) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the same answer as an out-of-range number
        }
        throw new IllegalArgumentException("k must be a whole number from 1 to " + MAX_K);
    }
}
