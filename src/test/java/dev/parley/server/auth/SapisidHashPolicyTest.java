package dev.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.wire.SapisidHash;
import org.junit.jupiter.api.Test;

class SapisidHashPolicyTest {
  private static final String OWN = "https://chat.example.com";
  private static final String HANGOUTS = "https://hangouts.google.com";
  private static final String SAPISID = "sapisid-test-value";
  private static final long MICROS = 1_000_000L;
  private static final long CREATED_SECONDS = 1_795_533_136L;
  private static final long CREATED = CREATED_SECONDS * MICROS;

  private final SapisidHashPolicy policy =
      new SapisidHashPolicy(SapisidHashPolicy.defaultOrigins("https://chat.example.com/"));

  private boolean accepts(long t, String hashedOrigin, String originHeader, long nowMicros) {
    return policy.accepts(
        SapisidHash.header(t, SAPISID, hashedOrigin), originHeader, SAPISID, CREATED, nowMicros);
  }

  @Test
  void theProtocolsWorkedExampleIsAcceptedFromHangupsOrigin() {
    String header = "SAPISIDHASH 1795533136_49ae0b7a9cf6deb5c6446a15dabcf7d3e11ddc4c";

    assertThat(policy.accepts(header, HANGOUTS, SAPISID, CREATED, CREATED + 5 * MICROS)).isTrue();
  }

  @Test
  void theServersOwnOriginIsAccepted() {
    assertThat(accepts(CREATED_SECONDS, OWN, OWN, CREATED)).isTrue();
  }

  @Test
  void anOriginOutsideTheAllowListIsRefusedEvenWithAMatchingHash() {
    String evil = "https://evil.example";

    assertThat(accepts(CREATED_SECONDS, evil, evil, CREATED)).isFalse();
  }

  @Test
  void aHeaderHashedForAnotherOriginIsRefused() {
    assertThat(accepts(CREATED_SECONDS, HANGOUTS, OWN, CREATED)).isFalse();
    assertThat(accepts(CREATED_SECONDS, "https://evil.example", OWN, CREATED)).isFalse();
    assertThat(accepts(CREATED_SECONDS, OWN + "/", OWN + "/", CREATED)).isFalse();
  }

  @Test
  void aHeaderForAnotherSapisidIsRefused() {
    String header = SapisidHash.header(CREATED_SECONDS, "another-sapisid", OWN);

    assertThat(policy.accepts(header, OWN, SAPISID, CREATED, CREATED)).isFalse();
  }

  @Test
  void aTimestampReusedForHoursIsStillAccepted() {
    long tenHoursLater = CREATED + 10 * 3600 * MICROS;

    assertThat(accepts(CREATED_SECONDS + 60, OWN, OWN, tenHoursLater)).isTrue();
  }

  @Test
  void aTimestampUpToFiveMinutesBeforeTheSessionIsAccepted() {
    assertThat(accepts(CREATED_SECONDS - 300, OWN, OWN, CREATED)).isTrue();
  }

  @Test
  void aTimestampMoreThanFiveMinutesBeforeTheSessionIsRefused() {
    assertThat(accepts(CREATED_SECONDS - 301, OWN, OWN, CREATED)).isFalse();
    assertThat(accepts(0, OWN, OWN, CREATED)).isFalse();
  }

  @Test
  void aTimestampUpToFiveMinutesInTheFutureIsAccepted() {
    long now = CREATED + 3600 * MICROS;

    assertThat(accepts(CREATED_SECONDS + 3600 + 300, OWN, OWN, now)).isTrue();
  }

  @Test
  void aTimestampMoreThanFiveMinutesInTheFutureIsRefused() {
    long now = CREATED + 3600 * MICROS;

    assertThat(accepts(CREATED_SECONDS + 3600 + 301, OWN, OWN, now)).isFalse();
    assertThat(accepts(Long.MAX_VALUE / MICROS + 1, OWN, OWN, now)).isFalse();
  }

  @Test
  void aNineteenDigitTimestampIsRefusedWithoutOverflow() {
    String header = "SAPISIDHASH 9999999999999999999_" + "0".repeat(40);

    assertThat(policy.accepts(header, OWN, SAPISID, CREATED, CREATED)).isFalse();
    assertThat(accepts(Long.MAX_VALUE, OWN, OWN, Long.MAX_VALUE)).isFalse();
  }

  @Test
  void malformedOrMissingHeadersAreRefused() {
    String valid = SapisidHash.header(CREATED_SECONDS, SAPISID, OWN);
    String[] bad = {
      null,
      "",
      "garbage",
      "SAPISIDHASH",
      "SAPISIDHASH ",
      "SAPISIDHASH _",
      "Bearer " + valid.substring("SAPISIDHASH ".length()),
      valid.substring(0, valid.length() - 1),
      valid + "0",
      valid.replace('_', '-'),
      "SAPISIDHASH " + CREATED_SECONDS + "_" + "g".repeat(40),
      "SAPISIDHASH " + CREATED_SECONDS + "_",
    };
    for (String header : bad) {
      assertThat(policy.accepts(header, OWN, SAPISID, CREATED, CREATED)).as("%s", header).isFalse();
    }
  }

  @Test
  void aMissingOriginOrSapisidIsRefused() {
    String header = SapisidHash.header(CREATED_SECONDS, SAPISID, OWN);

    assertThat(policy.accepts(header, null, SAPISID, CREATED, CREATED)).isFalse();
    assertThat(policy.accepts(header, "", SAPISID, CREATED, CREATED)).isFalse();
    assertThat(policy.accepts(header, OWN, null, CREATED, CREATED)).isFalse();
  }

  @Test
  void theDefaultOriginsAreTheServersOwnOriginAndHangouts() {
    assertThat(SapisidHashPolicy.defaultOrigins("https://chat.example.com/some/path?q=1"))
        .containsExactlyInAnyOrder(OWN, HANGOUTS);
  }

  @Test
  void theOwnOriginKeepsAnExplicitPortAndDropsTheDefaultOne() {
    assertThat(SapisidHashPolicy.defaultOrigins("http://localhost:8080"))
        .contains("http://localhost:8080");
    assertThat(SapisidHashPolicy.defaultOrigins("HTTPS://Chat.Example.com:443/"))
        .contains("https://chat.example.com");
    assertThat(SapisidHashPolicy.defaultOrigins("http://127.0.0.1:80/"))
        .contains("http://127.0.0.1");
    assertThat(SapisidHashPolicy.defaultOrigins("http://[::1]:8443/"))
        .contains("http://[::1]:8443");
  }

  @Test
  void aPublicUrlThatIsNotHttpIsRefused() {
    for (String url :
        new String[] {"chat.example.com", "ftp://chat.example.com", "https://", "::"}) {
      assertThatThrownBy(() -> SapisidHashPolicy.defaultOrigins(url))
          .as(url)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aCustomAllowListReplacesTheDefaults() {
    SapisidHashPolicy ownOnly = new SapisidHashPolicy(java.util.Set.of(OWN));
    String fromHangouts = SapisidHash.header(CREATED_SECONDS, SAPISID, HANGOUTS);

    assertThat(ownOnly.accepts(fromHangouts, HANGOUTS, SAPISID, CREATED, CREATED)).isFalse();
  }
}
