package org.tongpos.sync.sandbox;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tongpos.sync.signing.Credentials;

/**
 * How to run a sandbox bank: {@code tongpos.jar sandbox --port P --data DIR --terminal T0001=BASE64KEY
 * [--merchant M001] [--admin-token TOKEN]}.
 *
 * @param port       TCP port on loopback; 0 picks a free one
 * @param dataDir    where the H2 file and the statement files live (created when missing)
 * @param terminals  enrolled terminals: id → base64 secret (32 bytes decoded)
 * @param merchantId the merchant whose canteen accounts the feed serves
 * @param feeRatePpm the fee on non-cash tenders in parts per million (3,800 = 0.38 %)
 * @param adminToken the token the admin controls under {@code /sandbox/} require ({@code Authorization: Bearer
 *                   TOKEN}); empty: a new random one at every start ({@link SandboxBank#adminToken()})
 */
public record SandboxBankConfig(int port, Path dataDir, Map<String, String> terminals, String merchantId,
                                long feeRatePpm, String adminToken) {

    public static final String DEFAULT_MERCHANT = "M001";
    /** What a given admin token may hold: enough to be unguessable, nothing a header cannot carry. */
    private static final String ADMIN_TOKEN = "[A-Za-z0-9._~+/=-]{16,200}";

    public SandboxBankConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (terminals == null || terminals.isEmpty()) {
            throw new IllegalArgumentException("at least one terminal must be enrolled (--terminal ID=BASE64KEY)");
        }
        terminals.forEach(Credentials::fromBase64);
        terminals = Map.copyOf(terminals);
        merchantId = merchantId == null || merchantId.isBlank() ? DEFAULT_MERCHANT : merchantId;
        if (!JsonFields.isIdentifier(merchantId)) {
            throw new IllegalArgumentException("merchant id must be [A-Za-z0-9_.:-]{1,64}: " + merchantId);
        }
        new FeePolicy(feeRatePpm);
        adminToken = adminToken == null ? "" : adminToken;
        if (!adminToken.isEmpty() && !adminToken.matches(ADMIN_TOKEN)) {
            throw new IllegalArgumentException("--admin-token must be 16 to 200 characters of A-Z a-z 0-9 . _ ~ + / = -");
        }
    }

    public SandboxBankConfig(int port, Path dataDir, Map<String, String> terminals, String merchantId,
                             long feeRatePpm) {
        this(port, dataDir, terminals, merchantId, feeRatePpm, "");
    }

    public SandboxBankConfig(int port, Path dataDir, Map<String, String> terminals, String merchantId) {
        this(port, dataDir, terminals, merchantId, FeePolicy.DEFAULT_RATE_PPM);
    }

    /** The same bank with a fixed admin token instead of a random one per start. */
    public SandboxBankConfig withAdminToken(String token) {
        return new SandboxBankConfig(port, dataDir, terminals, merchantId, feeRatePpm, token);
    }

    @Override
    public String toString() {
        return "SandboxBankConfig[port=" + port + ", dataDir=" + dataDir + ", terminals=" + terminals.keySet()
                + ", merchantId=" + merchantId + ", feeRatePpm=" + feeRatePpm + "]";
    }

    /** Parses the command line's repeated {@code --terminal ID=BASE64KEY} values. */
    public static Map<String, String> parseTerminals(Iterable<String> options) {
        Map<String, String> terminals = new LinkedHashMap<>();
        for (String option : options) {
            int eq = option.indexOf('=');
            if (eq <= 0 || eq == option.length() - 1) {
                throw new IllegalArgumentException("--terminal must be ID=BASE64KEY, got: " + option.replaceAll(
                        "=.*", "=…"));
            }
            String id = option.substring(0, eq);
            Credentials.fromBase64(id, option.substring(eq + 1));
            if (terminals.put(id, option.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("terminal " + id + " is given twice");
            }
        }
        return terminals;
    }
}
