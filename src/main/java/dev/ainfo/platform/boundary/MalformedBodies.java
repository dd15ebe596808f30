package dev.ainfo.platform.boundary;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A request body that is not JSON of the shape the resource expects (truncated, trailing garbage,
 * an array for an object, an object for a string) is the client's mistake: 400 problem+json, not a
 * 500, and not half-read either. JSON-B implementations read {@code [{...}]} as its first element
 * and stop after the first value, so the whole body is checked with JSON-P first; whatever the
 * binding then fails on (types) is a 400 too. Only the reading is wrapped, so failures while
 * writing responses stay what they are.
 */
@Provider
public class MalformedBodies implements ReaderInterceptor {

    /** The API's bodies are titles and small settings; more than this is no request of ours. */
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final Logger LOG = Logger.getLogger(MalformedBodies.class.getName());
    private static final String MALFORMED = "the request body is not valid JSON of the expected shape";

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
            byte[] body = context.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new WebApplicationException("the request body is too large", Response.Status.REQUEST_ENTITY_TOO_LARGE);
            }
            if (body.length > 0 && !wellFormed(body, isList(context.getType()))) {
                throw new BadRequestException(MALFORMED);
            }
            context.setInputStream(new ByteArrayInputStream(body));
        }
        try {
            return context.proceed();
        } catch (WebApplicationException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "unreadable request body", e);
            throw new BadRequestException(MALFORMED);
        }
    }

    /** One complete JSON value and nothing after it; an object unless the resource takes a list. */
    static boolean wellFormed(byte[] body, boolean listExpected) {
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
            JsonParser.Event first = parser.next();
            if (!listExpected && first == JsonParser.Event.START_ARRAY) {
                return false;
            }
            while (parser.hasNext()) {
                parser.next();
            }
            return true;
        } catch (JsonException | java.util.NoSuchElementException | IllegalStateException e) {
            return false;
        }
    }

    private static boolean isList(Class<?> type) {
        return type.isArray() || Collection.class.isAssignableFrom(type);
    }
}
