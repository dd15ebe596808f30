package dev.ainfo.knowledge.control;

import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.PolicyHit;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Search over the policy corpus. Placeholder until the knowledge issue lands: finds nothing. */
@ApplicationScoped
public class PolicyIndex {

    public List<PolicyHit> search(String query, int k) {
        return List.of();
    }

    public Optional<Policy> find(String id) {
        return Optional.empty();
    }
}
