package dev.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {
  private final SecureRandom random = new SecureRandom();

  @Test
  void refreshTokensCarry256BitsAsUrlSafeUnpaddedBase64() {
    String token = Tokens.random(random, Tokens.REFRESH_TOKEN_BITS);

    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
  }

  @Test
  void cookieValuesCarry128Bits() {
    String sid = Tokens.random(random, Tokens.COOKIE_BITS);

    assertThat(sid).matches("[A-Za-z0-9_-]{22}");
    assertThat(Base64.getUrlDecoder().decode(sid)).hasSize(16);
  }

  @Test
  void tokensDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      seen.add(Tokens.random(random, 128));
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  void bitCountsThatAreNotWholePositiveBytesAreRefused() {
    for (int bits : new int[] {0, -8, 7, 129}) {
      assertThatThrownBy(() -> Tokens.random(random, bits))
          .as("%d bits", bits)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void sha256HexMatchesTheFips180Vectors() {
    assertThat(Tokens.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Tokens.sha256Hex(""))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void sha256HexIsLowercaseAndDiffersForDifferentTokens() {
    String a = Tokens.sha256Hex(Tokens.random(random, 256));
    String b = Tokens.sha256Hex(Tokens.random(random, 256));

    assertThat(a).matches("[0-9a-f]{64}").isNotEqualTo(b);
  }

  @Test
  void constantTimeEqualsComparesContent() {
    assertThat(Tokens.constantTimeEquals("abc", new String("abc"))).isTrue();
    assertThat(Tokens.constantTimeEquals("", "")).isTrue();
    assertThat(Tokens.constantTimeEquals("abc", "abd")).isFalse();
    assertThat(Tokens.constantTimeEquals("abc", "abcd")).isFalse();
    assertThat(Tokens.constantTimeEquals("abc", "ABC")).isFalse();
    assertThat(Tokens.constantTimeEquals("é", "e\u0301")).isFalse();
  }

  @Test
  void constantTimeEqualsTreatsNullAsUnequalToEverything() {
    assertThat(Tokens.constantTimeEquals(null, "abc")).isFalse();
    assertThat(Tokens.constantTimeEquals("abc", null)).isFalse();
    assertThat(Tokens.constantTimeEquals(null, null)).isFalse();
  }
}
