package org.tongpos.sync.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.sync.signing.Credentials;
import org.tongpos.sync.signing.Nonces;
import org.tongpos.sync.signing.ResponseSignature;
import org.tongpos.sync.signing.ResponseSigner;
import org.tongpos.sync.wire.ApiError;
import org.tongpos.sync.wire.ApiHeaders;
import org.tongpos.sync.wire.ErrorCode;

/**
 * Every {@code /v1} request: reads the body (at most 32 MiB), authenticates, applies an injected fault
 * if one is armed, runs the endpoint and answers. Answers are signed whenever the request named a known
 * terminal, errors included; a statement file's {@code 200} is the one unsigned answer.
 */
final class ApiHandler implements HttpHandler {

    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;
    private static final long MAX_DISCARDED_BYTES = 4L * MAX_BODY_BYTES;
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final RequestAuthenticator authenticator;
    private final ApiRoutes routes;
    private final SandboxFaults faults;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Nonces nonces = new Nonces(random);

    ApiHandler(RequestAuthenticator authenticator, ApiRoutes routes, SandboxFaults faults, ObjectMapper json,
               Clock clock) {
        this.authenticator = authenticator;
        this.routes = routes;
        this.faults = faults;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } catch (RuntimeException | IOException e) {
            LOG.warn("request {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    e.toString());
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String pathAndQuery = rawQuery == null ? path : path + "?" + rawQuery;
        String authorization = exchange.getRequestHeaders().getFirst(ApiHeaders.AUTHORIZATION);

        byte[] body = readBody(exchange);
        if (body == null) {
            RequestAuthenticator.Outcome unread = authenticator.identify(authorization);
            send(exchange, error(new ApiException(ErrorCode.BATCH_TOO_LARGE,
                    "request body is larger than " + MAX_BODY_BYTES + " bytes")), unread.credentials(), unread.nonce());
            return;
        }
        RequestAuthenticator.Outcome auth;
        try {
            auth = authenticator.authenticate(method, path, pathAndQuery, authorization, body);
        } catch (RuntimeException e) {
            LOG.error("{} {}: authentication failed inside the bank", method, path, e);
            RequestAuthenticator.Outcome named = authenticator.identify(authorization);
            send(exchange, error(new ApiException(ErrorCode.SYSTEM_ERROR, "the bank could not check the request")),
                    named.credentials(), named.nonce());
            return;
        }
        if (!auth.passed()) {
            LOG.info("{} {} rejected: {} {}", method, path, auth.failure().code(), auth.failure().getMessage());
            send(exchange, error(auth.failure()), auth.credentials(), auth.nonce());
            return;
        }
        Optional<Fault> fault = faults.take(method, path);
        if (fault.isPresent() && !fault.get().kind().afterExecution()) {
            if (applyFaultBeforeExecuting(exchange, fault.get(), auth)) {
                return;
            }
        }
        RequestContext request = new RequestContext(method, path, rawQuery, body, exchange.getRequestHeaders(),
                auth.credentials().terminalId(), auth.nonce());
        ApiResponse response = execute(request);
        if (fault.isPresent() && fault.get().kind().afterExecution()) {
            applyFaultAfterCommit(exchange, fault.get(), response, auth);
            return;
        }
        send(exchange, response, auth.credentials(), auth.nonce());
    }

    private ApiResponse execute(RequestContext request) {
        try {
            return routes.dispatch(request);
        } catch (ApiException e) {
            LOG.info("{} {} answered {}: {}", request.method(), request.path(), e.code(), e.getMessage());
            return error(e);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", request.method(), request.path(), e);
            return error(new ApiException(ErrorCode.SYSTEM_ERROR, "the bank could not process the request"));
        }
    }

    /** True when the fault answered (or dropped) the request, so it must not execute. */
    private boolean applyFaultBeforeExecuting(HttpExchange exchange, Fault fault, RequestAuthenticator.Outcome auth)
            throws IOException {
        switch (fault.kind()) {
            case DELAY -> {
                // a bank shutting down mid-delay drops the request instead of executing it
                return !sleep(fault);
            }
            case DROP_BEFORE_EXECUTING -> {
                return true;
            }
            case UNAVAILABLE_BEFORE_EXECUTING -> {
                ApiResponse unavailable = error(new ApiException(ErrorCode.SYSTEM_ERROR,
                        "the bank is temporarily unavailable"));
                send(exchange, new ApiResponse(503, unavailable.body(), unavailable.headers(), null),
                        auth.credentials(), auth.nonce());
                return true;
            }
            case RATE_LIMIT -> {
                ApiResponse limited = error(new ApiException(ErrorCode.RATE_LIMITED, "too many requests"))
                        .withHeader(ApiHeaders.RETRY_AFTER, Long.toString(fault.retryAfterSeconds()));
                send(exchange, limited, auth.credentials(), auth.nonce());
                return true;
            }
            default -> throw new IllegalStateException("not a before-execution fault: " + fault.kind());
        }
    }

    private void applyFaultAfterCommit(HttpExchange exchange, Fault fault, ApiResponse response,
                                       RequestAuthenticator.Outcome auth) throws IOException {
        switch (fault.kind()) {
            case DELAY_AFTER_COMMIT -> {
                sleep(fault);
                send(exchange, response, auth.credentials(), auth.nonce());
            }
            case DROP_AFTER_COMMIT -> {
                // exchange.close() without response headers closes the connection: the client gets no answer
            }
            case ERROR_500_AFTER_COMMIT -> send(exchange, error(new ApiException(ErrorCode.SYSTEM_ERROR,
                    "internal error after commit")), auth.credentials(), auth.nonce());
            case REPLAYED_AFTER_COMMIT -> send(exchange, error(new ApiException(ErrorCode.REPLAYED,
                    "nonce already used in the last 10 minutes")), auth.credentials(), auth.nonce());
            case FORGE_SIGNATURE -> {
                byte[] forgedKey = new byte[Credentials.KEY_BYTES];
                random.nextBytes(forgedKey);
                send(exchange, response, Credentials.ofKey(auth.credentials().terminalId(), forgedKey), auth.nonce());
            }
            case OMIT_SIGNATURE -> send(exchange, response, null, null);
            default -> throw new IllegalStateException("not an after-commit fault: " + fault.kind());
        }
    }

    /** Sleeps for the fault's delay; false when the bank is stopping (interrupted). */
    private static boolean sleep(Fault fault) {
        try {
            Thread.sleep(fault.delay().toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The body, or {@code null} when it is larger than the limit. An oversized body is still read and
     * discarded (up to a bound) so that the client, still writing, receives the 413 instead of a reset.
     */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length <= MAX_BODY_BYTES) {
                return body;
            }
            long discarded = 0;
            byte[] sink = new byte[1 << 16];
            int read;
            while (discarded < MAX_DISCARDED_BYTES && (read = in.read(sink)) >= 0) {
                discarded += read;
            }
            return null;
        }
    }

    ApiResponse error(ApiException failure) {
        return ApiResponse.json(failure.code().httpStatus(), toJson(failure.toError()));
    }

    private byte[] toJson(ApiError error) {
        try {
            return json.writeValueAsBytes(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ApiError always serializes", e);
        }
    }

    /** Sends the response, signed with {@code credentials} over {@code requestNonce} when they are given. */
    private void send(HttpExchange exchange, ApiResponse response, Credentials credentials, String requestNonce)
            throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (response.isStreamedFile()) {
            long length = Files.size(response.file());
            exchange.sendResponseHeaders(response.status(), length == 0 ? -1 : length);
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(response.file(), out);
            }
            return;
        }
        byte[] body = response.body();
        if (credentials != null) {
            ResponseSignature signature = new ResponseSigner(credentials, clock, nonces)
                    .sign(response.status(), requestNonce, body);
            exchange.getResponseHeaders().set(ApiHeaders.TONG_TIMESTAMP, signature.timestamp());
            exchange.getResponseHeaders().set(ApiHeaders.TONG_NONCE, signature.nonce());
            exchange.getResponseHeaders().set(ApiHeaders.TONG_SIGNATURE, signature.signature());
        }
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
