package dev.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private static final PasswordHasher.Params CHEAP = new PasswordHasher.Params(64, 1, 1);
  private final PasswordHasher hasher = new PasswordHasher(CHEAP, new SecureRandom());

  /** From the argon2 reference implementation's tests: "password", salt "somesalt", 64 MiB. */
  private static final String REFERENCE_VECTOR =
      "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

  @Test
  void defaultParametersMeetTheProtocolAndRoundTrip() {
    PasswordHasher defaults = new PasswordHasher();
    String encoded = defaults.hash("correct horse".toCharArray());

    assertThat(encoded)
        .startsWith("$argon2id$v=19$m=19456,t=2,p=1$")
        .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(defaults.verify("correct horse".toCharArray(), encoded)).isTrue();
    assertThat(defaults.verify("correct horse!".toCharArray(), encoded)).isFalse();
    assertThat(defaults.needsRehash(encoded)).isFalse();
  }

  @Test
  void verifiesTheReferenceImplementationsTestVector() {
    assertThat(hasher.verify("password".toCharArray(), REFERENCE_VECTOR)).isTrue();
    assertThat(hasher.verify("Password".toCharArray(), REFERENCE_VECTOR)).isFalse();
  }

  @Test
  void theCorrectPasswordMatchesAndAnotherDoesNot() {
    String encoded = hasher.hash("s3cret".toCharArray());

    assertThat(hasher.verify("s3cret".toCharArray(), encoded)).isTrue();
    assertThat(hasher.verify("s3cre".toCharArray(), encoded)).isFalse();
    assertThat(hasher.verify("".toCharArray(), encoded)).isFalse();
    assertThat(hasher.verify(null, encoded)).isFalse();
  }

  @Test
  void nonAsciiPasswordsAreHashedAsUtf8() {
    String encoded = hasher.hash("pässwörd \uD83D\uDD11".toCharArray());

    assertThat(hasher.verify("pässwörd \uD83D\uDD11".toCharArray(), encoded)).isTrue();
    assertThat(hasher.verify("passwort \uD83D\uDD11".toCharArray(), encoded)).isFalse();
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTimeBecauseOfTheSalt() {
    assertThat(hasher.hash("same".toCharArray())).isNotEqualTo(hasher.hash("same".toCharArray()));
  }

  @Test
  void verificationUsesTheParametersStoredWithTheHash() {
    String cheap = hasher.hash("pw".toCharArray());
    PasswordHasher stronger =
        new PasswordHasher(new PasswordHasher.Params(128, 2, 1), new SecureRandom());

    assertThat(stronger.verify("pw".toCharArray(), cheap)).isTrue();
    assertThat(stronger.needsRehash(cheap)).isTrue();
    assertThat(hasher.needsRehash(cheap)).isFalse();
  }

  @Test
  void malformedEncodedStringsAreAMismatchNotAnException() {
    String good = hasher.hash("pw".toCharArray());
    String[] parts = good.split("\\$");
    String salt = parts[4];
    String hash = parts[5];
    String[] bad = {
      null,
      "",
      "garbage",
      "$argon2id$",
      "$argon2id$v=19$m=64,t=1,p=1$" + salt,
      "$argon2id$v=19$m=64,t=1,p=1$" + salt + "$",
      "$argon2id$v=19$m=64,t=1,p=1$$" + hash,
      "$argon2id$v=19$m=64,t=1,p=1$" + salt + "$" + hash + "$extra",
      "$argon2i$v=19$m=64,t=1,p=1$" + salt + "$" + hash,
      "$argon2d$v=19$m=64,t=1,p=1$" + salt + "$" + hash,
      "$argon2id$v=16$m=64,t=1,p=1$" + salt + "$" + hash,
      "$argon2id$m=64,t=1,p=1$" + salt + "$" + hash,
      "$argon2id$v=19$t=1,m=64,p=1$" + salt + "$" + hash,
      "$argon2id$v=19$m=,t=1,p=1$" + salt + "$" + hash,
      "$argon2id$v=19$m=-64,t=1,p=1$" + salt + "$" + hash,
      "$argon2id$v=19$m=0,t=1,p=1$" + salt + "$" + hash,
      "$argon2id$v=19$m=64,t=0,p=1$" + salt + "$" + hash,
      "$argon2id$v=19$m=64,t=1,p=0$" + salt + "$" + hash,
      "$argon2id$v=19$m=99999999999,t=1,p=1$" + salt + "$" + hash,
      "$argon2id$v=19$m=4194304,t=1,p=1$" + salt + "$" + hash,
      "$argon2id$v=19$m=\u0666\u0664,t=1,p=1$" + salt + "$" + hash,
      "$argon2id$v=19$m=64,t=1,p=1$" + salt + "==$" + hash,
      "$argon2id$v=19$m=64,t=1,p=1$" + salt + "$" + hash + "=",
      "$argon2id$v=19$m=64,t=1,p=1$" + salt + "$" + hash.substring(1),
      "$argon2id$v=19$m=64,t=1,p=1$" + salt + "$not*base64",
      "$argon2id$v=19$m=64,t=1,p=1$" + salt + "$" + hash.substring(0, 8),
      "$argon2id$v=19$m=64,t=1,p=1$AAAA$" + hash,
    };
    for (String encoded : bad) {
      assertThat(hasher.verify("pw".toCharArray(), encoded)).as("%s", encoded).isFalse();
      assertThat(hasher.needsRehash(encoded)).as("%s", encoded).isTrue();
    }
  }

  @Test
  void aTamperedHashDoesNotMatch() {
    String good = hasher.hash("pw".toCharArray());
    int last = good.length() - 2;
    char flipped = good.charAt(last) == 'A' ? 'B' : 'A';
    String tampered = good.substring(0, last) + flipped + good.charAt(last + 1);

    assertThat(hasher.verify("pw".toCharArray(), tampered)).isFalse();
  }

  @Test
  void parametersBelowArgon2sMinimumsAreRejected() {
    assertThatThrownBy(() -> new PasswordHasher.Params(7, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PasswordHasher.Params(64, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PasswordHasher.Params(64, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
