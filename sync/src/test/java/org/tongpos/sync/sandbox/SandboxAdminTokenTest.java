package org.tongpos.sync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admin controls under {@code /sandbox/} serve only a caller holding the bank's admin token: another process on
 * the same machine cannot mint diner QR codes, inject faults, mark statements or move account balances.
 */
class SandboxAdminTokenTest extends SandboxTestBase {

    private static final String FAULT = "{\"method\":\"GET\",\"path_regex\":\"/v1/keys\",\"kind\":\"RATE_LIMIT\"}";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void adminRequestsWithoutTheTokenAreRefusedWith401AndChangeNothing() throws Exception {
        long balanceBefore = balanceOf("A0001");

        HttpResponse<String> noHeader = send(post("/sandbox/faults", FAULT));
        HttpResponse<String> wrongToken = send(post("/sandbox/qr", "{\"account_id\":\"A0001\"}")
                .header("Authorization", "Bearer " + bank.adminToken() + "x"));
        HttpResponse<String> otherScheme = send(post("/sandbox/accounts/changes",
                "{\"account_id\":\"A0001\",\"change\":\"TOPUP\",\"amount_fen\":5000}")
                .header("Authorization", "Basic " + bank.adminToken()));
        HttpResponse<String> marks = send(post("/sandbox/statement-marks", "{\"terminal_id\":\"T0001\",\"txn_id\":\"x\","
                + "\"method\":\"BANK_CARD\",\"status\":\"REVERSED\"}"));
        bank.faults().inject("GET", "/v1/keys", Fault.rateLimit(1), 1);
        HttpResponse<String> clear = send(HttpRequest.newBuilder(URI.create(bank.origin() + "/sandbox/faults"))
                .header("Authorization", "Bearer ").DELETE());

        for (HttpResponse<String> refused : List.of(noHeader, wrongToken, otherScheme, marks, clear)) {
            assertThat(refused.statusCode()).as(refused.request().uri().toString()).isEqualTo(401);
            assertThat(refused.body()).contains("admin token", "Authorization: Bearer");
            assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"sandbox\"");
        }
        assertThat(wrongToken.body()).doesNotContain("TQ1.");
        assertThat(bank.faults().armed()).as("only the fault armed from Java, none from HTTP").isEqualTo(1);
        assertThat(balanceOf("A0001")).isEqualTo(balanceBefore);
    }

    @Test
    void theTokenPrintedAndWrittenToTheDataDirectoryOpensTheControls() throws Exception {
        assertThat(Files.readString(bank.adminTokenFile())).isEqualTo(bank.adminToken() + "\n");
        assertThat(bank.adminTokenFile()).isEqualTo(dataDir.resolve("admin-token"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(bank.adminTokenFile())))
                .isEqualTo("rw-------");
        assertThat(bank.adminToken()).hasSizeGreaterThanOrEqualTo(43);

        HttpResponse<String> qr = send(post("/sandbox/qr", "{\"account_id\":\"A0001\"}")
                .header("Authorization", "Bearer " + Files.readString(bank.adminTokenFile()).strip()));

        assertThat(qr.statusCode()).isEqualTo(200);
        assertThat(qr.body()).contains("TQ1.");
    }

    @Test
    void everyStartMakesANewTokenAndTheOldOneNoLongerOpensTheControls() throws Exception {
        String old = bank.adminToken();

        restartBank();

        assertThat(bank.adminToken()).isNotEqualTo(old);
        assertThat(Files.readString(bank.adminTokenFile()).strip()).isEqualTo(bank.adminToken());
        assertThat(send(post("/sandbox/faults", FAULT).header("Authorization", "Bearer " + old)).statusCode())
                .isEqualTo(401);
        assertThat(send(post("/sandbox/faults", FAULT).header("Authorization", "Bearer " + bank.adminToken()))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aGivenTokenIsUsedInsteadOfARandomOne() throws Exception {
        bank.stop();
        bank = SandboxBank.start(new SandboxBankConfig(0, dataDir, Map.of("T0001", KEY_1), "M001")
                .withAdminToken("lab-token-0123456789"), clock);

        assertThat(bank.adminToken()).isEqualTo("lab-token-0123456789");
        assertThat(Files.readString(bank.adminTokenFile())).isEqualTo("lab-token-0123456789\n");
        assertThat(send(post("/sandbox/faults", FAULT).header("Authorization", "bearer lab-token-0123456789"))
                .statusCode()).isEqualTo(200);
    }

    private long balanceOf(String accountId) {
        return bank.accounts().stream().filter(a -> a.accountId().equals(accountId)).findFirst().orElseThrow()
                .balanceFen();
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(bank.origin() + path)).POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
