package dev.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parley server user ...} as a person types it. */
class ServerCommandTest {
  @TempDir Path dataDir;
  @TempDir Path files;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String stdin, String... args) {
    out.reset();
    err.reset();
    return new ServerCommand(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(List.of(args));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private String dir() {
    return dataDir.toString();
  }

  @Test
  void addedUsersAreListedAndCanChangeTheirPassword() {
    assertThat(
            run(
                "secret password\n",
                "user",
                "add",
                "--data-dir",
                dir(),
                "--email",
                "Ann@Example.org",
                "--name",
                "Ann Smith",
                "--password-stdin"))
        .isZero();
    assertThat(out()).startsWith("added ann@example.org (");
    assertThat(run("", "user", "list", "--data-dir", dir())).isZero();
    assertThat(out()).contains("ann@example.org\tAnn Smith");
    assertThat(
            run(
                "another password\n",
                "user",
                "passwd",
                "--data-dir",
                dir(),
                "--email",
                "ann@example.org",
                "--password-stdin"))
        .isZero();
  }

  @Test
  void secondFactorPrintsAnOtpauthUri() {
    run(
        "secret password\n",
        "user",
        "add",
        "--data-dir",
        dir(),
        "--email",
        "ann@example.org",
        "--name",
        "Ann",
        "--password-stdin");
    assertThat(run("", "user", "totp", "--data-dir", dir(), "--email", "ann@example.org")).isZero();
    assertThat(out()).startsWith("otpauth://totp/").contains("secret=");
    assertThat(run("", "user", "list", "--data-dir", dir())).isZero();
    assertThat(out()).contains("\t2fa");
  }

  @Test
  void avatarMustBeAnImage() throws Exception {
    run(
        "secret password\n",
        "user",
        "add",
        "--data-dir",
        dir(),
        "--email",
        "ann@example.org",
        "--name",
        "Ann",
        "--password-stdin");
    Path png = files.resolve("ann.png");
    ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
    assertThat(
            run(
                "",
                "user",
                "avatar",
                "--data-dir",
                dir(),
                "--email",
                "ann@example.org",
                "--file",
                png.toString()))
        .isZero();
    assertThat(out()).contains("avatar set for ann@example.org");
    Path text = files.resolve("not-an-image.png");
    Files.writeString(text, "hello");
    assertThat(
            run(
                "",
                "user",
                "avatar",
                "--data-dir",
                dir(),
                "--email",
                "ann@example.org",
                "--file",
                text.toString()))
        .isEqualTo(2);
    assertThat(err()).contains("--file");
  }

  @Test
  void mistakesGetAClearMessageAndTheUsage() {
    assertThat(run("", "user", "add", "--data-dir", dir(), "--email", "x@example.org"))
        .isEqualTo(2);
    assertThat(err()).contains("--name is required").contains("usage:");
    assertThat(run("", "--data-dir", dir(), "--bogus")).isEqualTo(2);
    assertThat(err()).contains("unknown option --bogus");
    assertThat(run("", "--data-dir", dir(), "--port", "99999")).isEqualTo(2);
    assertThat(
            run(
                "short\n",
                "user",
                "add",
                "--data-dir",
                dir(),
                "--email",
                "x@example.org",
                "--name",
                "X",
                "--password-stdin"))
        .isEqualTo(1);
    assertThat(err()).contains("at least 8 characters");
    assertThat(
            run(
                "",
                "user",
                "add",
                "--data-dir",
                dir(),
                "--email",
                "not-an-email",
                "--name",
                "X",
                "--password-stdin"))
        .isNotZero();
    assertThat(run("", "--help")).isZero();
    assertThat(out()).contains("parley server user add");
  }
}
