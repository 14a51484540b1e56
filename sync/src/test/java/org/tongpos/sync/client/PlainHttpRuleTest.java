package org.tongpos.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plain HTTP goes only to a sandbox on this machine (settlement-api.md, Conventions); a lab must say so. */
class PlainHttpRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8443/v1", "http://127.9.8.7/v1", "http://localhost:8443/v1",
            "http://LOCALHOST/v1", "http://sandbox.localhost/v1", "http://localhost./v1", "http://[::1]:8443/v1",
            "http://[0:0:0:0:0:0:0:1]/v1", "https://bank.example/v1", "https://10.0.0.5/v1"})
    void plainHttpToThisMachineAndHttpsToAnyHostArePermitted(String url) {
        assertThat(PlainHttpRule.permits(URI.create(url))).isTrue();
        assertThat(BankConfig.of(url, BankClientTest.KEY, "M001").baseUrl()).isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://bank.example/v1", "http://10.0.0.5:8443/v1", "http://192.168.1.20/v1",
            "http://127.0.0.1.bank.example/v1", "http://localhost.bank.example/v1", "http://127.0.0.1@bank.example/v1",
            "http://[::2]/v1", "http://[fe80::1]/v1", "http://0x7f000001/v1", "http://2130706433/v1",
            "http://256.0.0.1/v1"})
    void plainHttpToAnyOtherHostIsRefused(String url) {
        assertThat(PlainHttpRule.permits(URI.create(url))).isFalse();
        assertThatThrownBy(() -> BankConfig.of(url, BankClientTest.KEY, "M001"))
                .isInstanceOfSatisfying(PlainHttpRefusedException.class,
                        e -> assertThat(e.host()).isIn(URI.create(url).getHost(), URI.create(url).getRawAuthority()))
                .hasMessageContaining("plain http://").hasMessageContaining("https://");
    }

    @Test
    void theLabOverrideAllowsPlainHttpToAnotherHostAndKeepsItThroughCopies() {
        BankConfig lab = BankConfig.of("http://10.0.0.5:8443/v1", BankClientTest.KEY, "M001", true);

        assertThat(lab.plainHttpToAnyHost()).isTrue();
        assertThat(lab.withRetryPolicy(RetryPolicy.defaults()).plainHttpToAnyHost()).isTrue();
        assertThat(lab.withTimeouts(lab.connectTimeout(), lab.readTimeout(), lab.callTimeout()).plainHttpToAnyHost())
                .isTrue();
        assertThat(BankConfig.of("https://bank.example/v1", BankClientTest.KEY, "M001").plainHttpToAnyHost()).isFalse();
    }

    @Test
    void namesAreNeverLookedUpOnlyLocalhostAndLoopbackLiteralsCount() {
        assertThat(PlainHttpRule.isLoopback("localhost")).isTrue();
        assertThat(PlainHttpRule.isLoopback("127.0.0.1")).isTrue();
        assertThat(PlainHttpRule.isLoopback("[::1]")).isTrue();
        assertThat(PlainHttpRule.isLoopback("ip6-localhost")).as("an /etc/hosts alias is still a name").isFalse();
        assertThat(PlainHttpRule.isLoopback("")).isFalse();
        assertThat(PlainHttpRule.isLoopback(null)).isFalse();
    }
}
