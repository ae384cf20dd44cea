package dev.parley.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SapisidHashTest {
  private static final String ORIGIN = "https://hangouts.google.com";

  @Test
  void workedExampleOfTheProtocolMatches() {
    assertThat(SapisidHash.header(1795533136L, "sapisid-test-value", ORIGIN))
        .isEqualTo("SAPISIDHASH 1795533136_49ae0b7a9cf6deb5c6446a15dabcf7d3e11ddc4c");
  }

  @Test
  void verifyReturnsTheTimestampOfAMatchingHeader() {
    String header = "SAPISIDHASH 1795533136_49ae0b7a9cf6deb5c6446a15dabcf7d3e11ddc4c";
    assertThat(SapisidHash.verify(header, "sapisid-test-value", ORIGIN)).contains(1795533136L);
  }

  @Test
  void verifyRefusesAnotherSapisidOrOrigin() {
    String header = SapisidHash.header(1795533136L, "sapisid-test-value", ORIGIN);
    assertThat(SapisidHash.verify(header, "other", ORIGIN)).isEmpty();
    assertThat(SapisidHash.verify(header, "sapisid-test-value", "https://evil.example")).isEmpty();
  }

  @Test
  void malformedHeadersAreRefused() {
    for (String bad :
        new String[] {
          null,
          "",
          "SAPISIDHASH",
          "Bearer x",
          "SAPISIDHASH abc_49ae0b7a9cf6deb5c6446a15dabcf7d3e11ddc4c",
          "SAPISIDHASH 1795533136_49ae",
          "SAPISIDHASH 1795533136-49ae0b7a9cf6deb5c6446a15dabcf7d3e11ddc4c",
          "SAPISIDHASH 1795533136_zzae0b7a9cf6deb5c6446a15dabcf7d3e11ddc4c",
          "SAPISIDHASH 99999999999999999999999_49ae0b7a9cf6deb5c6446a15dabcf7d3e11ddc4c"
        }) {
      assertThat(SapisidHash.verify(bad, "sapisid-test-value", ORIGIN)).as("%s", bad).isEmpty();
    }
  }

  @Test
  void uppercaseHexIsAccepted() {
    String header = "SAPISIDHASH 1795533136_49AE0B7A9CF6DEB5C6446A15DABCF7D3E11DDC4C";
    assertThat(SapisidHash.verify(header, "sapisid-test-value", ORIGIN)).contains(1795533136L);
  }
}
