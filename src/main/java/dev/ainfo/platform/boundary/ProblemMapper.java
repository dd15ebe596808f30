package dev.ainfo.platform.boundary;

import dev.ainfo.rooms.control.InvalidRoomTitle;
import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every REST error as application/problem+json (RFC 9457); unexpected ones are logged, not shown. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable error = unwrap(thrown);
        if (error instanceof WebApplicationException web) {
            Response original = web.getResponse();
            int status = original.getStatus();
            Response.ResponseBuilder problem = problem(status, detail(web, status));
            original.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    values.forEach(v -> problem.header(name, v));
                }
            });
            return problem.build();
        }
        if (error instanceof InvalidRoomTitle || error instanceof IllegalArgumentException) {
            return problem(400, error.getMessage()).build();
        }
        LOG.log(Level.SEVERE, "unexpected failure", error);
        return problem(500, "an unexpected error occurred").build();
    }

    public static Response.ResponseBuilder problem(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", known == null ? "Error" : known.getReasonPhrase())
                .add("status", status);
        if (detail != null && !detail.isBlank()) {
            body.add("detail", detail);
        }
        return Response.status(status).type(PROBLEM_JSON).entity(body.build().toString());
    }

    private static String detail(WebApplicationException web, int status) {
        if (status >= 500) {
            return null;
        }
        String message = web.getMessage();
        // JAX-RS fills in "HTTP 404 Not Found" style messages; they add nothing to the title.
        return message == null || message.startsWith("HTTP " + status) ? null : message;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while (current instanceof EJBException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
