package org.tongpos.sync.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationHeaderTest {

    @Test
    void parsesParametersInAnyOrderWithSpaces() throws Exception {
        AuthorizationHeader header = AuthorizationHeader.parse(
                "TONG1-HMAC-SHA256 signature=\"c2ln+/=\" , nonce=\"9f2c\",timestamp=\"1764475509\", terminal=\"T0001\"");

        assertThat(header).isEqualTo(new AuthorizationHeader("T0001", "1764475509", "9f2c", "c2ln+/="));
        assertThat(header.epochSeconds()).isEqualTo(1764475509L);
    }

    @Test
    void formatRoundTrips() throws Exception {
        AuthorizationHeader header = new AuthorizationHeader("T0001", "1", "n", "s==");
        assertThat(AuthorizationHeader.parse(header.format())).isEqualTo(header);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "Bearer abc",
            "TONG1-HMAC-SHA256",
            "TONG1-HMAC-SHA256 terminal=\"T0001\",timestamp=\"1\",nonce=\"n\"",
            "TONG1-HMAC-SHA256 terminal=\"T0001\",timestamp=\"soon\",nonce=\"n\",signature=\"s\"",
            "TONG1-HMAC-SHA256 terminal=T0001,timestamp=\"1\",nonce=\"n\",signature=\"s\"",
            "TONG1-HMAC-SHA256 terminal=\"T0001\",timestamp=\"1\",nonce=\"n\",signature=\"s\",nonce=\"m\"",
            "TONG1-HMAC-SHA256 terminal=\"T0001\",timestamp=\"1\",nonce=\"n\",signature=\"s\",extra=\"x\"",
            "TONG1-HMAC-SHA256 terminal=\"T0001\" timestamp=\"1\",nonce=\"n\",signature=\"s\"",
            "TONG1-HMAC-SHA256 terminal=\"\",timestamp=\"1\",nonce=\"n\",signature=\"s\"",
            "TONG1-HMAC-SHA256 terminal=\"T0001\",timestamp=\"1\",nonce=\"n\",signature=\"s",
    })
    void malformedHeadersAreRejectedWithAReason(String value) {
        assertThatThrownBy(() -> AuthorizationHeader.parse(value))
                .isInstanceOf(MalformedAuthorizationException.class)
                .hasMessageContaining("Authorization");
    }

    @Test
    void missingParameterIsNamedInTheMessage() {
        assertThatThrownBy(() -> AuthorizationHeader.parse(
                "TONG1-HMAC-SHA256 terminal=\"T0001\",timestamp=\"1\",signature=\"s\""))
                .hasMessageContaining("'nonce' is missing");
    }
}
