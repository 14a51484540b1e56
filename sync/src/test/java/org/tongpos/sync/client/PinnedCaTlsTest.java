package org.tongpos.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.sync.client.ScriptedBank.Answer;
import org.tongpos.testkit.MutableClock;

/**
 * TLS with a pinned CA, against a real TLS server (MockWebServer) whose self-signed certificate is made by
 * the JDK's keytool at test time.
 */
class PinnedCaTlsTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T04:00:00Z"), ZoneOffset.ofHours(8));
    private MockWebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String makeCertificate(String alias) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        assumeThat(Files.isExecutable(keytool)).as("keytool of the running JDK is needed to make a test certificate")
                .isTrue();
        Path store = dir.resolve(alias + ".p12");
        run(keytool.toString(), "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-keystore", store.toString(), "-storepass", PASSWORD, "-storetype", "PKCS12");
        return run(keytool.toString(), "-exportcert", "-rfc", "-alias", alias, "-keystore", store.toString(),
                "-storepass", PASSWORD);
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }

    private void startTlsServer(String alias) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(alias + ".p12"))) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        server = new MockWebServer();
        server.useHttps(context.getSocketFactory());
        server.setDispatcher(new ScriptedBank(BankClientTest.KEY, clock,
                r -> Answer.json(200, "{\"last_seq\":0,\"last_entry_hash\":\"x\"}")));
        server.start();
    }

    private BankReply cursorWith(String pinnedPem) {
        BankConfig config = BankConfig.of(server.url("/v1").toString(), BankClientTest.KEY, "M001")
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(6));
        if (pinnedPem != null) {
            config = config.withPinnedCa(pinnedPem);
        }
        try (BankClient client = new BankClient(config, clock, clock::sleep, new Random(1))) {
            return client.send(BankRequest.get("/v1/terminals/T0001/cursor"));
        }
    }

    @Test
    void pinnedCaIsTrustedAndTheAnswerVerifies() throws Exception {
        String pem = makeCertificate("bank");
        startTlsServer("bank");
        assertThat(server.url("/v1").isHttps()).isTrue();
        assertThat(cursorWith(pem).answered()).isTrue();
    }

    @Test
    void serverWithACertificateFromAnotherCaIsRefused() throws Exception {
        makeCertificate("bank");
        String otherPem = makeCertificate("impostor-ca");
        startTlsServer("bank");
        assertThat(cursorWith(otherPem)).isInstanceOfSatisfying(BankReply.NoAnswer.class,
                n -> assertThat(n.reason()).isEqualTo(BankReply.Reason.NETWORK));
        assertThat(cursorWith(null)).as("the system trust store does not know a self-signed bank either")
                .isInstanceOf(BankReply.NoAnswer.class);
        assertThat(List.of(server.getRequestCount())).containsExactly(0);
    }
}
