package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppOptionsTest {
  @Test
  void noOptionsStartTheAppAsInstalled() {
    AppOptions options = AppOptions.parse(List.of());

    assertThat(options.demo()).isFalse();
    assertThat(options.recordStartUp()).isFalse();
  }

  @Test
  void theInstallerRecordsTheStartUpOfTheDemoInADirectoryOfItsOwn() {
    AppOptions options =
        AppOptions.parse(List.of("--demo", "--home", "/tmp/record", "--record-start-up"));

    assertThat(options.demo()).isTrue();
    assertThat(options.home()).isEqualTo(Path.of("/tmp/record"));
    assertThat(options.recordStartUp()).isTrue();
  }

  @Test
  void anUnknownOptionOrAHomeWithoutADirectoryIsRefused() {
    assertThatThrownBy(() -> AppOptions.parse(List.of("--record")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--record");
    assertThatThrownBy(() -> AppOptions.parse(List.of("--home")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--home needs a directory");
  }
}
