package org.tongpos.sync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.sync.wire.AccountChangeKind;
import org.tongpos.sync.wire.ApiError;
import org.tongpos.sync.wire.ErrorCode;

/**
 * Demo and test controls outside the contract, under {@code /sandbox}. Each request needs {@code Authorization:
 * Bearer TOKEN} with the bank's {@link AdminToken} (else {@code 401}, nothing done): listening on loopback only is
 * not enough, since any local process could otherwise mint diner QR codes or inject faults.
 * <ul>
 *   <li>{@code POST /sandbox/qr {"account_id"}} → {@code {"qr": "TQ1…"}}</li>
 *   <li>{@code POST /sandbox/faults {"method", "path_regex", "kind", "times", "delay_ms", "retry_after_seconds"}};
 *       {@code DELETE /sandbox/faults} clears them</li>
 *   <li>{@code POST /sandbox/statement-marks {"terminal_id", "txn_id", "method", "status", "amount_fen"}}</li>
 *   <li>{@code POST /sandbox/accounts/changes {"account_id", "change", "amount_fen"}} → the feed item</li>
 * </ul>
 */
final class AdminHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AdminHandler.class);
    private static final int MAX_BODY = 64 * 1024;

    private final SandboxBank bank;
    private final AdminToken token;
    private final ObjectMapper json;
    private final JsonBodies bodies;

    AdminHandler(SandboxBank bank, AdminToken token, ObjectMapper json) {
        this.bank = bank;
        this.token = token;
        this.json = json;
        this.bodies = new JsonBodies(json);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            ApiResponse response;
            try {
                if (!token.admits(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    throw new ApiException(ErrorCode.SIGN_ERROR, "sandbox controls need the admin token: "
                            + "Authorization: Bearer TOKEN (printed at start-up, and in DATA/"
                            + AdminToken.FILE_NAME + ")");
                }
                response = route(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), read(exchange));
            } catch (ApiException e) {
                response = ApiResponse.json(e.code().httpStatus(), json.writeValueAsBytes(e.toError()));
                if (e.code() == ErrorCode.SIGN_ERROR) {
                    response = response.withHeader("WWW-Authenticate", "Bearer realm=\"sandbox\"");
                }
            } catch (IllegalArgumentException e) {
                response = ApiResponse.json(400, json.writeValueAsBytes(ApiError.of(ErrorCode.PARAM_ERROR,
                        e.getMessage())));
            }
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (RuntimeException | IOException e) {
            LOG.warn("admin request {} failed: {}", exchange.getRequestURI(), e.toString());
        } finally {
            exchange.close();
        }
    }

    private ApiResponse route(String method, String path, byte[] body) {
        switch (method + " " + path) {
            case "POST /sandbox/qr" -> {
                JsonNode request = bodies.object(body);
                return bodies.respond(200, Map.of("qr", bank.issueDinerQr(JsonFields.text(request, "account_id"))));
            }
            case "POST /sandbox/faults" -> {
                JsonNode request = bodies.object(body);
                FaultKind kind = FaultKind.valueOf(JsonFields.text(request, "kind"));
                Fault fault = new Fault(kind, Duration.ofMillis(request.path("delay_ms").asLong(0)),
                        request.path("retry_after_seconds").asLong(1));
                String httpMethod = request.hasNonNull("method") ? request.get("method").asText() : null;
                bank.faults().inject(httpMethod, JsonFields.text(request, "path_regex"), fault,
                        request.path("times").asInt(1));
                return bodies.respond(200, Map.of("armed", bank.faults().armed()));
            }
            case "DELETE /sandbox/faults" -> {
                bank.faults().clear();
                return bodies.respond(200, Map.of("armed", 0));
            }
            case "POST /sandbox/statement-marks" -> {
                JsonNode request = bodies.object(body);
                bank.markStatementRow(JsonFields.text(request, "terminal_id"), JsonFields.text(request, "txn_id"),
                        TenderMethod.valueOf(JsonFields.text(request, "method")),
                        StatementRowStatus.valueOf(JsonFields.text(request, "status")),
                        request.path("amount_fen").asLong(0));
                return bodies.respond(200, Map.of("marked", true));
            }
            case "POST /sandbox/accounts/changes" -> {
                JsonNode request = bodies.object(body);
                return bodies.respond(200, bank.changeAccount(JsonFields.text(request, "account_id"),
                        AccountChangeKind.valueOf(JsonFields.text(request, "change")),
                        request.path("amount_fen").asLong(0)));
            }
            default -> throw ApiException.notFound("no such sandbox control: " + method + " " + path);
        }
    }

    private static byte[] read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw ApiException.param("sandbox control bodies are small");
            }
            return body;
        }
    }
}
