package dev.ainfo.rooms.boundary;

import dev.ainfo.auth.boundary.AuthenticatedCaller;
import dev.ainfo.auth.entity.Caller;
import dev.ainfo.memory.control.ConversationMemory;
import dev.ainfo.rooms.control.ChatLogs;
import dev.ainfo.rooms.control.Rooms;
import dev.ainfo.rooms.entity.ChatLog;
import dev.ainfo.rooms.entity.ChatRoom;
import dev.ainfo.rooms.entity.Source;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's chat rooms and their messages. Another user's room is answered 404, like a missing one. */
@Path("rooms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "rooms", description = "the caller's chat rooms and their messages; another user's room is a 404")
public class RoomsResource {

    @Inject
    AuthenticatedCaller authenticated;

    @Inject
    Rooms rooms;

    @Inject
    ChatLogs logs;

    @Inject
    ConversationMemory memory;

    public record TitleRequest(String title) {
    }

    public record RoomView(long id, String title, String createdAt) {
        static RoomView of(ChatRoom room) {
            return new RoomView(room.getId(), room.getTitle(), room.getCreatedAt().toString());
        }
    }

    public record MessageView(long id, String role, String message, String timestamp, String status, List<Source> sources) {
        static MessageView of(ChatLog log) {
            return new MessageView(log.getId(), log.getRole().wireName(), log.getMessage(),
                    log.getTimestamp().toString(), log.getStatus().wireName(), log.getSources());
        }
    }

    @Operation(summary = "Create a room (title optional, at most 100 characters)")
    @POST
    public Response create(TitleRequest request, @Context UriInfo uri) {
        Caller caller = authenticated.require();
        ChatRoom room = rooms.create(caller.userId(), request == null ? null : request.title());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(room.getId())).build())
                .entity(RoomView.of(room)).build();
    }

    @Operation(summary = "The caller's rooms, newest first")
    @GET
    public List<RoomView> list() {
        return rooms.ownedBy(authenticated.require().userId()).stream().map(RoomView::of).toList();
    }

    @Operation(summary = "One room")
    @GET
    @Path("{id}")
    public RoomView get(@PathParam("id") long id) {
        return rooms.owned(authenticated.require().userId(), id).map(RoomView::of).orElseThrow(RoomsResource::notFound);
    }

    @Operation(summary = "Rename a room")
    @PATCH
    @Path("{id}")
    public RoomView rename(@PathParam("id") long id, TitleRequest request) {
        String title = request == null ? null : request.title();
        return rooms.rename(authenticated.require().userId(), id, title).map(RoomView::of).orElseThrow(RoomsResource::notFound);
    }

    @Operation(summary = "Delete a room with its messages and its conversation memory")
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        if (!rooms.delete(authenticated.require().userId(), id)) {
            throw notFound();
        }
        return Response.noContent().build();
    }

    @Operation(summary = "A page of the room's messages, oldest first, before a message id")
    @GET
    @Path("{id}/messages")
    public List<MessageView> messages(@PathParam("id") long id, @QueryParam("before") Long before,
                                      @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > ChatLogs.MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + ChatLogs.MAX_PAGE);
        }
        String user = authenticated.require().userId();
        rooms.owned(user, id).orElseThrow(RoomsResource::notFound);
        return logs.page(id, before, limit).stream().map(MessageView::of).toList();
    }

    @Operation(summary = "Empty the room's conversation memory and keep its messages (503 while Redis is down)")
    @DELETE
    @Path("{id}/memory")
    public Response forgetMemory(@PathParam("id") long id) {
        String user = authenticated.require().userId();
        rooms.owned(user, id).orElseThrow(RoomsResource::notFound);
        memory.forget(user, id);
        return Response.noContent().build();
    }

    private static NotFoundException notFound() {
        return new NotFoundException("no such room");
    }
}
