package dev.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
  /** RFC 6238 appendix B: the SHA1 seed is the ASCII string "12345678901234567890". */
  private static final String RFC_SECRET =
      Base32.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

  private static final long T = 1_111_111_111L;
  private final Totp totp = new Totp();

  @Test
  void theRfcSeedEncodesToItsWellKnownBase32Form() {
    assertThat(RFC_SECRET).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  }

  @ParameterizedTest
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130",
  })
  void rfc6238Sha1TestVectorsMatchWithEightDigits(long epochSeconds, String expected) {
    assertThat(totp.code(RFC_SECRET, epochSeconds, 8)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"59, 287082", "1111111109, 081804", "1234567890, 005924", "20000000000, 353130"})
  void sixDigitCodesAreTheLastSixDigitsOfTheRfcVectors(long epochSeconds, String expected) {
    assertThat(totp.code(RFC_SECRET, epochSeconds)).isEqualTo(expected);
    assertThat(totp.verify(RFC_SECRET, expected, epochSeconds)).isTrue();
  }

  @Test
  void theCurrentPreviousAndNextStepAreAcceptedForClockDrift() {
    long now = 1_700_000_010L;

    assertThat(totp.verify(RFC_SECRET, totp.code(RFC_SECRET, now), now)).isTrue();
    assertThat(totp.verify(RFC_SECRET, totp.code(RFC_SECRET, now - 30), now)).isTrue();
    assertThat(totp.verify(RFC_SECRET, totp.code(RFC_SECRET, now + 30), now)).isTrue();
  }

  @Test
  void codesTwoStepsAwayAreRejected() {
    long now = 1_700_000_010L;

    assertThat(totp.verify(RFC_SECRET, totp.code(RFC_SECRET, now - 60), now)).isFalse();
    assertThat(totp.verify(RFC_SECRET, totp.code(RFC_SECRET, now + 60), now)).isFalse();
  }

  @Test
  void matchingStepTellsWhichStepMatchedSoCallersCanRefuseReplays() {
    long now = 1_700_000_010L;
    long step = now / 30;

    assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, now - 30), now))
        .hasValue(step - 1);
    assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, now), now)).hasValue(step);
    assertThat(totp.matchingStep(RFC_SECRET, "000000x", now)).isEmpty();
  }

  @Test
  void aWrongCodeIsRejected() {
    String right = totp.code(RFC_SECRET, T);
    String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);

    assertThat(totp.verify(RFC_SECRET, wrong, T)).isFalse();
  }

  @Test
  void malformedCodesAreRejected() {
    String right = totp.code(RFC_SECRET, T);
    String[] bad = {
      null,
      "",
      right.substring(1),
      right + "0",
      "0" + right,
      totp.code(RFC_SECRET, T, 8),
      " " + right,
      right.substring(0, 3) + " " + right.substring(3),
      "12345a",
      "-12345",
      "+12345",
      "\u0661\u0662\u0663\u0664\u0665\u0666",
      "\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16",
    };
    for (String code : bad) {
      assertThat(totp.verify(RFC_SECRET, code, T)).as("%s", code).isFalse();
    }
  }

  @Test
  void secretsThatAreNotBase32AreRejected() {
    String code = totp.code(RFC_SECRET, T);
    String[] bad = {
      null,
      "",
      "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ0",
      "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ1",
      "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ8",
      "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ====",
      "GEZDGNBV GY3TQOJQ",
      "GEZDGNBVG",
      "GEZDGNBVGY3",
      "GEZDGNBVGY3TQO",
      "Z0==",
    };
    for (String secret : bad) {
      assertThat(totp.verify(secret, code, T)).as("%s", secret).isFalse();
    }
    assertThatThrownBy(() -> totp.code("not base32!", T))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lowercaseSecretsAreTheSameSecret() {
    assertThat(totp.code(RFC_SECRET.toLowerCase(), T)).isEqualTo(totp.code(RFC_SECRET, T));
  }

  @Test
  void newSecretsAreTwentyRandomBytesInUnpaddedBase32() {
    SecureRandom random = new SecureRandom();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      String secret = Totp.newSecret(random);
      assertThat(secret).matches("[A-Z2-7]{32}");
      assertThat(Base32.decode(secret)).hasValueSatisfying(b -> assertThat(b).hasSize(20));
      seen.add(secret);
    }
    assertThat(seen).hasSize(20);
  }

  @Test
  void base32RoundTripsEveryLength() {
    SecureRandom random = new SecureRandom();
    for (int length = 1; length <= 21; length++) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      assertThat(Base32.decode(Base32.encode(bytes)))
          .hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
    }
  }

  @Test
  void base32EncodesTheRfc4648VectorsWithoutPadding() {
    assertThat(Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
    assertThat(Base32.encode("fo".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXQ");
    assertThat(Base32.encode("foo".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6");
    assertThat(Base32.encode("foob".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YQ");
    assertThat(Base32.encode("fooba".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTB");
    assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
  }

  @Test
  void otpauthUriNamesIssuerAccountAndParameters() {
    assertThat(Totp.otpauthUri("Parley", "alice@example.com", "JBSWY3DPEHPK3PXP"))
        .isEqualTo(
            "otpauth://totp/Parley:alice%40example.com?secret=JBSWY3DPEHPK3PXP"
                + "&issuer=Parley&algorithm=SHA1&digits=6&period=30");
  }

  @Test
  void otpauthUriEncodesSpacesAsPercentTwentyAndSpecialCharacters() {
    assertThat(Totp.otpauthUri("Parley at Home & Co", "bob+tag@example.com", "JBSWY3DPEHPK3PXP"))
        .isEqualTo(
            "otpauth://totp/Parley%20at%20Home%20%26%20Co:bob%2Btag%40example.com"
                + "?secret=JBSWY3DPEHPK3PXP&issuer=Parley%20at%20Home%20%26%20Co"
                + "&algorithm=SHA1&digits=6&period=30");
  }

  @Test
  void otpauthUriRefusesColonsThatWouldMakeTheLabelAmbiguous() {
    assertThatThrownBy(() -> Totp.otpauthUri("Par:ley", "a@example.com", "JBSWY3DPEHPK3PXP"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Totp.otpauthUri("Parley", "a:b@example.com", "JBSWY3DPEHPK3PXP"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
