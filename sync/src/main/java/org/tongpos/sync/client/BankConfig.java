package org.tongpos.sync.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.tongpos.sync.signing.Credentials;

/**
 * Where the bank is and who this terminal is.
 *
 * @param baseUrl      the API base, ending in {@code /v1} (e.g. {@code https://bank.example/v1}); request
 *                     targets from {@code /v1} are appended to the part before it
 * @param merchantId   the merchant whose canteen accounts this terminal replicates ({@code bank.merchant-id})
 * @param pinnedCaPem  PEM text of the CA certificate(s) to trust instead of the system's, when set
 * @param plainHttpToAnyHost the lab override ({@code bank.allow-plain-http}): plain {@code http://} to a host other
 *                     than this machine, which {@link PlainHttpRule} otherwise refuses
 */
public record BankConfig(URI baseUrl, Credentials credentials, String merchantId, Optional<String> pinnedCaPem,
                         Duration connectTimeout, Duration readTimeout, Duration callTimeout,
                         RetryPolicy retryPolicy, boolean plainHttpToAnyHost) {

    public BankConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(credentials, "credentials");
        merchantId = merchantId == null ? "" : merchantId;
        pinnedCaPem = pinnedCaPem == null ? Optional.empty() : pinnedCaPem;
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        String path = baseUrl.getPath() == null ? "" : baseUrl.getPath();
        if (!path.replaceAll("/+$", "").endsWith("/v1")) {
            throw new IllegalArgumentException("bank.url must end with /v1, e.g. https://bank.example/v1: " + baseUrl);
        }
        String scheme = baseUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("bank.url must be http or https: " + baseUrl);
        }
        if (!plainHttpToAnyHost && !PlainHttpRule.permits(baseUrl)) {
            throw new PlainHttpRefusedException(baseUrl);
        }
    }

    /**
     * Sensible defaults: 5 s to connect, 20 s to read, 60 s per call, default retries, system trust store; plain
     * HTTP only to this machine.
     *
     * @throws PlainHttpRefusedException for {@code http://} to another host
     */
    public static BankConfig of(String baseUrl, Credentials credentials, String merchantId) {
        return of(baseUrl, credentials, merchantId, false);
    }

    /** As {@link #of(String, Credentials, String)}; {@code plainHttpToAnyHost} is the lab override. */
    public static BankConfig of(String baseUrl, Credentials credentials, String merchantId,
                                boolean plainHttpToAnyHost) {
        return new BankConfig(URI.create(baseUrl), credentials, merchantId, Optional.empty(), Duration.ofSeconds(5),
                Duration.ofSeconds(20), Duration.ofSeconds(60), RetryPolicy.defaults(), plainHttpToAnyHost);
    }

    public BankConfig withPinnedCa(String pem) {
        return new BankConfig(baseUrl, credentials, merchantId, Optional.of(pem), connectTimeout, readTimeout,
                callTimeout, retryPolicy, plainHttpToAnyHost);
    }

    public BankConfig withRetryPolicy(RetryPolicy policy) {
        return new BankConfig(baseUrl, credentials, merchantId, pinnedCaPem, connectTimeout, readTimeout, callTimeout,
                policy, plainHttpToAnyHost);
    }

    public BankConfig withTimeouts(Duration connect, Duration read, Duration call) {
        return new BankConfig(baseUrl, credentials, merchantId, pinnedCaPem, connect, read, call, retryPolicy,
                plainHttpToAnyHost);
    }

    public String terminalId() {
        return credentials.terminalId();
    }

    /** The URL OkHttp requests for a target that starts at {@code /v1}. */
    HttpUrl httpUrl(String pathAndQuery) {
        return HttpUrl.get(origin() + pathAndQuery);
    }

    /**
     * The target as it goes on the wire, from {@code /v1} on: what the contract signs. OkHttp percent-encodes
     * characters a target may not hold ({@code {}, {@code '}, …), so the text handed to it is not always what it
     * sends.
     */
    String targetAsSent(HttpUrl url) {
        String query = url.encodedQuery();
        String target = url.encodedPath() + (query == null ? "" : "?" + query);
        String prefix = HttpUrl.get(origin()).encodedPath().replaceAll("/+$", "");
        return target.substring(prefix.length());
    }

    private String origin() {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return base.substring(0, base.length() - "/v1".length());
    }
}
