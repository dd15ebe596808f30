package dev.ainfo.memory.boundary;

import dev.ainfo.memory.control.MemoryUnavailable;
import dev.ainfo.platform.boundary.ProblemMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A reset that could not reach Redis is a 503: the client may try again, nothing was lost. */
@Provider
public class MemoryUnavailableMapper implements ExceptionMapper<MemoryUnavailable> {

    @Override
    public Response toResponse(MemoryUnavailable error) {
        return ProblemMapper.problem(503, error.getMessage()).header("Retry-After", "10").build();
    }
}
