package dev.ainfo.assistant.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.exception.HttpException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ModelStreamTest {

    @Test
    void overloadAndConnectionFaultsAreRetriedButNotClientErrorsOrTimeouts() {
        assertTrue(ModelStream.retryable(new HttpException(429, "slow down")));
        assertTrue(ModelStream.retryable(new HttpException(503, "overloaded")));
        assertTrue(ModelStream.retryable(new CompletionException(new ConnectException())));
        assertTrue(ModelStream.retryable(new CompletionException(new IOException("HTTP/1.1 header parser received no bytes"))));
        assertFalse(ModelStream.retryable(new HttpException(400, "bad request")));
        assertFalse(ModelStream.retryable(new HttpException(401, "bad key")));
        assertFalse(ModelStream.retryable(new HttpTimeoutException("timed out")));
        assertFalse(ModelStream.retryable(new TimeoutException("no first token")));
        assertFalse(ModelStream.retryable(new IllegalArgumentException("malformed")));
    }
}
