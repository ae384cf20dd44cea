package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void versionFlagPrintsTheBuiltVersion() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        Main.run(
            new String[] {"--version"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).strip())
        .matches("parley \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }
}
