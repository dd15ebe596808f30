package dev.ainfo.profile.boundary;

import dev.ainfo.auth.boundary.AuthenticatedCaller;
import dev.ainfo.knowledge.control.Districts;
import dev.ainfo.knowledge.control.Provinces;
import dev.ainfo.profile.control.InvalidProfile;
import dev.ainfo.profile.control.ProfileReader;
import dev.ainfo.profile.control.Profiles;
import dev.ainfo.profile.entity.Profile;
import jakarta.ejb.EJBException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's own profile: there is no way to name another user's. PUT replaces it whole (a field
 * left out is unknown), DELETE clears it; GET answers an empty profile for a user who never set one.
 */
@Path("profile")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "profile", description = "the caller's own profile: age or birth year, region, status, interests")
public class ProfileResource {

    static final int MAX_BODY_BYTES = 8 * 1024;
    private static final Logger LOG = Logger.getLogger(ProfileResource.class.getName());
    /** Users are in Korea, so "this year" for an age turns over at midnight there. */
    static final Clock KOREA = Clock.system(ZoneId.of("Asia/Seoul"));

    @Inject
    AuthenticatedCaller authenticated;

    @Inject
    Profiles profiles;

    /** The application's clock where one is produced (tests fix it), Korea's wall clock otherwise. */
    @Inject
    Instance<Clock> clocks;

    @Operation(summary = "The caller's profile (nulls and [] when never set)")
    @GET
    public JsonObject get() {
        String user = authenticated.require().userId();
        return view(profiles.find(user).orElse(Profile.EMPTY));
    }

    @Operation(summary = "Replace the caller's profile: age or birthYear, province, district, status, interests")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject put(InputStream body) {
        String user = authenticated.require().userId();
        Profile profile = new ProfileReader(clock()).read(text(body));
        Profile saved;
        try {
            saved = profiles.save(user, profile);
        } catch (EJBException lostRace) {
            // Two first saves at once: one insert loses to the other's row; a second try is an update.
            LOG.log(Level.FINE, "profile save retried", lostRace);
            saved = profiles.save(user, profile);
        }
        return view(saved);
    }

    /** What PUT accepts, for the page's form: provinces with their districts, statuses and limits. */
    @Operation(summary = "What PUT accepts: provinces with their districts, statuses and limits")
    @GET
    @Path("options")
    public JsonObject options() {
        authenticated.require();
        JsonArrayBuilder provinces = Json.createArrayBuilder();
        for (Provinces.Province province : Provinces.ALL) {
            JsonArrayBuilder districts = Json.createArrayBuilder();
            Districts.in(province.name()).forEach(d -> districts.add(d.name()));
            provinces.add(Json.createObjectBuilder().add("name", province.name()).add("districts", districts));
        }
        JsonArrayBuilder statuses = Json.createArrayBuilder();
        Arrays.stream(Profile.Status.values()).forEach(s -> statuses.add(s.name()));
        return Json.createObjectBuilder()
                .add("provinces", provinces)
                .add("statuses", statuses)
                .add("minAge", ProfileReader.MIN_AGE)
                .add("maxAge", ProfileReader.MAX_AGE)
                .add("maxInterests", ProfileReader.MAX_INTERESTS)
                .add("maxInterestLength", ProfileReader.MAX_INTEREST_LENGTH)
                .build();
    }

    @Operation(summary = "Clear the caller's profile")
    @DELETE
    public Response delete() {
        profiles.clear(authenticated.require().userId());
        return Response.noContent().build();
    }

    private Clock clock() {
        return clocks != null && clocks.isResolvable() ? clocks.get() : KOREA;
    }

    private JsonObject view(Profile profile) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        Integer age = profile.age(LocalDate.now(clock()));
        addOrNull(json, "birthYear", profile.birthYear());
        addOrNull(json, "age", age);
        addOrNull(json, "province", profile.province());
        addOrNull(json, "district", profile.district());
        addOrNull(json, "status", profile.status() == null ? null : profile.status().name());
        JsonArrayBuilder interests = Json.createArrayBuilder();
        profile.interests().forEach(interests::add);
        return json.add("interests", interests).build();
    }

    private static void addOrNull(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.addNull(name);
        } else if (value instanceof Integer number) {
            json.add(name, number);
        } else {
            json.add(name, value.toString());
        }
    }

    /** The body as strict UTF-8, refused when it is larger than any real profile. */
    private static String text(InputStream body) {
        try {
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new ClientErrorException("a profile is at most " + MAX_BODY_BYTES + " bytes", Response.Status.REQUEST_ENTITY_TOO_LARGE);
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidProfile("the body is not UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
