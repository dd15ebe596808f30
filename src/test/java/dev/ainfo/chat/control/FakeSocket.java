package dev.ainfo.chat.control;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The container's side of one socket for unit tests of the writer: records every text frame, and
 * completes each send at once or only when the test says (a slow client).
 */
final class FakeSocket {

    final List<String> sent = new CopyOnWriteArrayList<>();
    final List<CloseReason> closes = new CopyOnWriteArrayList<>();
    private final ArrayDeque<SendHandler> outstanding = new ArrayDeque<>();
    private volatile boolean slow;
    private volatile boolean open = true;

    final RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                if (method.getName().equals("sendText") && args.length == 2 && args[1] instanceof SendHandler handler) {
                    sent.add((String) args[0]);
                    if (slow) {
                        synchronized (outstanding) {
                            outstanding.add(handler);
                        }
                    } else {
                        handler.onResult(new SendResult());
                    }
                }
                return null;
            });

    final Session session = (Session) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {Session.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getAsyncRemote" -> remote;
                case "isOpen" -> open;
                case "close" -> {
                    closes.add(args == null ? null : (CloseReason) args[0]);
                    open = false;
                    yield null;
                }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> null;
            });

    /** Sends wait for {@link #complete} from now on. */
    FakeSocket slow() {
        slow = true;
        return this;
    }

    /** Completes the oldest outstanding send; false if none. */
    boolean complete() {
        SendHandler handler;
        synchronized (outstanding) {
            handler = outstanding.poll();
        }
        if (handler == null) {
            return false;
        }
        handler.onResult(new SendResult());
        return true;
    }

    AnswerStream writer() {
        return new AnswerStream(session, 30_000, 1_000_000, 0, failure -> { });
    }
}
