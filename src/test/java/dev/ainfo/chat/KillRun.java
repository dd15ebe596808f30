package dev.ainfo.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ainfo.testing.Api;
import dev.ainfo.testing.ChatClient;
import dev.ainfo.testing.ScaleOut;
import dev.ainfo.testing.TestKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Clients of the kill test, each with its own user and room, all through nginx: they ask, one
 * instance dies under some of them, those reconnect through nginx and ask again, and at the end the
 * database must hold every question with an ended answer.
 */
final class KillRun implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Set<String> ENDED = Set.of("complete", "stopped", "failed");

    private final ScaleOut cluster;
    private final List<Client> clients = new ArrayList<>();
    private int reconnects;

    private static final class Client {
        final String token;
        final long room;
        final List<String> asked = new ArrayList<>();
        ChatClient socket;
        boolean dropped;
        /** The first answer ended (an error) before the kill: stored, but not in flight. */
        boolean endedEarly;

        Client(String token, long room) {
            this.token = token;
            this.room = room;
        }
    }

    KillRun(ScaleOut cluster, int count) {
        this.cluster = cluster;
        Api api = new Api(cluster.balancer());
        for (int i = 0; i < count; i++) {
            String token = TestKeys.token("kill-user-" + i);
            clients.add(new Client(token, api.createRoom(token, "kill " + i)));
        }
    }

    void openAndAsk() {
        for (Client client : clients) {
            client.socket = ScaleOutIT.open(cluster.balancerSockets(), client.room, client.token);
            ask(client, "청년 월세 지원 질문 하나");
        }
    }

    private void ask(Client client, String question) {
        client.socket.ask(question);
        client.asked.add(question);
    }

    /** Every answer streams, long enough for its progress to have been stored once or twice. */
    void awaitStreaming() throws InterruptedException {
        for (Client client : clients) {
            String type = client.socket.next(WAIT).path("type").asText();
            client.endedEarly = type.equals("error") || type.equals("done");
        }
        if (clients.stream().allMatch(c -> c.endedEarly)) {
            throw new AssertionError("no answer was streaming: " + clients.get(0).socket.received());
        }
        Thread.sleep(2500);
    }

    /**
     * The sockets the killed instance held drop within seconds, while answers on the survivors go on
     * (100 tokens at 100 ms): those that dropped are the answers that were in flight on it. They
     * reconnect through nginx and ask again; the others read their answer to the end.
     */
    void reconnectAndFinish() throws InterruptedException {
        long settle = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < settle) {
            Thread.sleep(200);
        }
        for (Client client : clients) {
            client.dropped = client.socket.isClosed();
        }
        for (Client client : clients) {
            if (!client.dropped && client.endedEarly) {
                continue;
            }
            if (!client.dropped) {
                JsonNode end = client.socket.nextOfType("done", WAIT);
                if (!"complete".equals(end.path("status").asText())) {
                    throw new AssertionError("an answer on a surviving instance ended " + end);
                }
                continue;
            }
            client.socket = reconnect(client);
            askUntilAnswered(client, "청년 월세 지원 다시 질문");
        }
    }

    private ChatClient reconnect(Client client) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                ChatClient socket = ChatClient.connect(cluster.balancerSockets(), client.room, client.token);
                socket.nextOfType("history", WAIT);
                reconnects++;
                return socket;
            } catch (RuntimeException refused) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not reconnect through nginx", refused);
                }
                Thread.sleep(500);
            }
        }
    }

    /** The dead instance's room claim runs out within its lease: until then the room is busy. */
    private void askUntilAnswered(Client client, String question) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            client.socket.ask(question);
            List<JsonNode> frames = client.socket.untilEnd(WAIT);
            JsonNode last = frames.get(frames.size() - 1);
            if ("done".equals(last.path("type").asText())) {
                client.asked.add(question);
                return;
            }
            if (!"busy".equals(last.path("code").asText()) || System.nanoTime() > deadline) {
                throw new AssertionError("the question after reconnecting got " + last);
            }
            Thread.sleep(500);
        }
    }

    /** The sweep stores what the dead instance had streamed, as stopped, within two leases. */
    void awaitStoredEnds() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            boolean streaming = false;
            for (Client client : clients) {
                for (JsonNode message : messages(client)) {
                    streaming |= "streaming".equals(message.path("status").asText());
                }
            }
            if (!streaming) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("answers were still streaming after " + WAIT);
    }

    private JsonNode messages(Client client) {
        return new Api(cluster.balancer()).get("api/rooms/" + client.room + "/messages?limit=200", client.token).json();
    }

    int clients() {
        return clients.size();
    }

    int dropped() {
        return (int) clients.stream().filter(c -> c.dropped).count();
    }

    int reconnects() {
        return reconnects;
    }

    int asked() {
        return clients.stream().mapToInt(c -> c.asked.size()).sum();
    }

    /** Stored questions whose answer follows them with an ended status (and, if stopped by the kill, with text). */
    int storedEnded() {
        int ended = 0;
        for (Client client : clients) {
            JsonNode stored = messages(client);
            for (int i = 0; i + 1 < stored.size(); i++) {
                JsonNode question = stored.get(i);
                JsonNode answer = stored.get(i + 1);
                if ("user".equals(question.path("role").asText()) && "bot".equals(answer.path("role").asText())
                        && ENDED.contains(answer.path("status").asText())) {
                    ended++;
                }
            }
        }
        return ended;
    }

    /** Questions a client asked that the database does not hold, or holds without an answer. */
    int lost() {
        int lost = 0;
        for (Client client : clients) {
            JsonNode stored = messages(client);
            List<String> questions = new ArrayList<>();
            for (int i = 0; i < stored.size(); i++) {
                JsonNode message = stored.get(i);
                if ("user".equals(message.path("role").asText())) {
                    boolean answered = i + 1 < stored.size() && "bot".equals(stored.get(i + 1).path("role").asText());
                    if (answered) {
                        questions.add(message.path("message").asText());
                    }
                }
            }
            for (String asked : client.asked) {
                if (!questions.remove(asked)) {
                    lost++;
                }
            }
        }
        return lost;
    }

    /** The interrupted answers that kept nothing of what had streamed. */
    int interruptedWithoutText() {
        int empty = 0;
        for (Client client : clients) {
            if (!client.dropped || client.endedEarly) {
                continue;
            }
            JsonNode stored = messages(client);
            if (stored.size() >= 2 && stored.get(1).path("message").asText().isEmpty()) {
                empty++;
            }
        }
        return empty;
    }

    @Override
    public void close() {
        for (Client client : clients) {
            if (client.socket != null) {
                client.socket.close();
            }
        }
    }
}
