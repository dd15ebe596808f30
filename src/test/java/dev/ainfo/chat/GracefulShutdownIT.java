package dev.ainfo.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ainfo.testing.Api;
import dev.ainfo.testing.ChatClient;
import dev.ainfo.testing.Deployments;
import dev.ainfo.testing.FakeOpenAi;
import dev.ainfo.testing.PayaraProcess;
import dev.ainfo.testing.RedisProcess;
import dev.ainfo.testing.TestKeys;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stopping the server mid-answer loses nothing: the partial answer is stored, sockets get 1001. The
 * server trusts the development issuer, as the README's run does, and {@link PayaraProcess} probes its
 * readiness from launch, as a load balancer does: a probe while the WAR deployed once left the
 * development key unread and readiness DOWN for good.
 */
class GracefulShutdownIT {

    @Test
    void stoppingTheServerStoresAnswersInFlightAndClosesSocketsWith1001() throws Exception {
        try (FakeOpenAi model = FakeOpenAi.start().tokenInterval(Duration.ofMillis(200));
             RedisProcess redis = RedisProcess.start("shutdown")) {
            Map<String, String> settings = Deployments.withModel(model, redis);
            settings.keySet().removeAll(TestKeys.config().keySet());
            settings.putAll(Deployments.defaults("shutdown"));
            String token;
            long room;
            try (PayaraProcess payara = PayaraProcess.start("shutdown", settings)) {
                Api api = new Api(payara.http());
                token = api.devToken("shutdown-user");
                room = api.createRoom(token, "shutdown");
                ChatClient chat = ChatClient.connect(Api.webSocketBase(payara.http()), room, token);
                chat.next(Duration.ofSeconds(30));
                chat.ask("서버가 꺼지면 어떻게 되나요?");
                chat.nextOfType("chunk", Duration.ofSeconds(30));
                payara.stop();
                assertEquals(1001, chat.awaitClose(Duration.ofSeconds(60)));
            }
            try (PayaraProcess again = PayaraProcess.start("shutdown", settings)) {
                JsonNode stored = new Api(again.http()).get("api/rooms/" + room + "/messages", token).json();
                assertEquals(2, stored.size(), stored.toString());
                assertEquals("서버가 꺼지면 어떻게 되나요?", stored.get(0).path("message").asText());
                assertEquals("stopped", stored.get(1).path("status").asText());
                assertTrue(stored.get(1).path("message").asText().startsWith("tok0"));
            }
        }
    }
}
