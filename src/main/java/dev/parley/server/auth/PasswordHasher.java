package dev.parley.server.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string form {@code
 * $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>} (unpadded standard base64), so the
 * parameters travel with the hash (PROTOCOL.md section 3). Thread-safe.
 */
public final class PasswordHasher {
  /** Cost parameters. Memory is in KiB. */
  public record Params(int memoryKiB, int iterations, int parallelism) {
    /** At least 19 MiB, 2 iterations, 1 lane: the protocol's floor. */
    public static final Params DEFAULT = new Params(19_456, 2, 1);

    public Params {
      if (parallelism < 1 || iterations < 1 || memoryKiB < 8 * parallelism) {
        throw new IllegalArgumentException("invalid argon2 parameters");
      }
    }
  }

  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;

  // Bounds for parameters read back from a stored string, so a corrupt row cannot exhaust memory.
  private static final int MAX_MEMORY_KIB = 1 << 20;
  private static final int MAX_ITERATIONS = 64;
  private static final int MAX_PARALLELISM = 16;

  private static final String PREFIX = "$argon2id$v=19$";

  private final Params params;
  private final SecureRandom random;

  /** Hashes with {@link Params#DEFAULT}. */
  public PasswordHasher() {
    this(Params.DEFAULT, new SecureRandom());
  }

  public PasswordHasher(Params params, SecureRandom random) {
    this.params = Objects.requireNonNull(params);
    this.random = Objects.requireNonNull(random);
  }

  /** A fresh salted hash of the password, in PHC string form. */
  public String hash(char[] password) {
    Objects.requireNonNull(password);
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, params, HASH_BYTES);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX
        + "m=%d,t=%d,p=%d$".formatted(params.memoryKiB(), params.iterations(), params.parallelism())
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(hash);
  }

  /**
   * Whether the password matches the encoded hash, using the parameters stored in it. A malformed
   * or unsupported string is simply a mismatch.
   */
  public boolean verify(char[] password, String encoded) {
    if (password == null) {
      return false;
    }
    Optional<Encoded> parsed = Encoded.parse(encoded);
    if (parsed.isEmpty()) {
      return false;
    }
    Encoded e = parsed.get();
    byte[] actual = derive(password, e.salt(), e.params(), e.hash().length);
    return MessageDigest.isEqual(actual, e.hash());
  }

  /**
   * Whether the hash should be recomputed on the next successful sign-in: it is malformed or was
   * made with other parameters or sizes than this hasher uses.
   */
  public boolean needsRehash(String encoded) {
    Optional<Encoded> parsed = Encoded.parse(encoded);
    return parsed.isEmpty()
        || !parsed.get().params().equals(params)
        || parsed.get().salt().length != SALT_BYTES
        || parsed.get().hash().length != HASH_BYTES;
  }

  private static byte[] derive(char[] password, byte[] salt, Params params, int length) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(params.memoryKiB())
            .withIterations(params.iterations())
            .withParallelism(params.parallelism())
            .withSalt(salt)
            .build());
    byte[] passwordBytes = utf8(password);
    try {
      byte[] out = new byte[length];
      generator.generateBytes(passwordBytes, out);
      return out;
    } finally {
      Arrays.fill(passwordBytes, (byte) 0);
    }
  }

  private static byte[] utf8(char[] password) {
    ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    Arrays.fill(buffer.array(), (byte) 0);
    return bytes;
  }

  /** A parsed PHC string. */
  private record Encoded(Params params, byte[] salt, byte[] hash) {
    static Optional<Encoded> parse(String encoded) {
      if (encoded == null || !encoded.startsWith(PREFIX)) {
        return Optional.empty();
      }
      String[] parts = encoded.substring(PREFIX.length()).split("\\$", -1);
      if (parts.length != 3) {
        return Optional.empty();
      }
      try {
        Params params = parseParams(parts[0]);
        byte[] salt = unpaddedBase64(parts[1]);
        byte[] hash = unpaddedBase64(parts[2]);
        if (salt.length < 8 || salt.length > 64 || hash.length < 16 || hash.length > 64) {
          return Optional.empty();
        }
        return Optional.of(new Encoded(params, salt, hash));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    private static Params parseParams(String text) {
      String[] fields = text.split(",", -1);
      if (fields.length != 3
          || !fields[0].startsWith("m=")
          || !fields[1].startsWith("t=")
          || !fields[2].startsWith("p=")) {
        throw new IllegalArgumentException("not m=,t=,p=");
      }
      return new Params(
          boundedInt(fields[0].substring(2), MAX_MEMORY_KIB),
          boundedInt(fields[1].substring(2), MAX_ITERATIONS),
          boundedInt(fields[2].substring(2), MAX_PARALLELISM));
    }

    private static int boundedInt(String digits, int max) {
      if (digits.isEmpty()
          || digits.length() > 9
          || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("not a small decimal number");
      }
      int value = Integer.parseInt(digits);
      if (value > max) {
        throw new IllegalArgumentException("out of bounds");
      }
      return value;
    }

    private static byte[] unpaddedBase64(String text) {
      if (text.indexOf('=') >= 0) {
        throw new IllegalArgumentException("padded");
      }
      return Base64.getDecoder().decode(text);
    }
  }
}
