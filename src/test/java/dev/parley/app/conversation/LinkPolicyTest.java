package dev.parley.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkPolicyTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example.org",
        "https://example.org/path?q=1#frag",
        "HTTPS://EXAMPLE.ORG",
        "HtTp://example.org",
        "  https://example.org/with-spaces-around  ",
        "\u0000https://example.org\n",
        "mailto:alice@example.org",
        "MAILTO:alice@example.org",
        "https://127.0.0.1:8080/x"
      })
  void webAndMailLinksAreAllowed(String target) {
    assertThat(LinkPolicy.isAllowed(target)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "\u0001javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\u200bscript:alert(1)",
        "\u00a0javascript:alert(1)",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "FILE:///C:/Windows",
        "data:text/html,<script>alert(1)</script>",
        "about:blank",
        "ftp://example.org",
        "//example.org/protocol-relative",
        "/relative/path",
        "relative/path",
        "example.org",
        "#fragment",
        ":nothing",
        "",
        "   ",
        "http://",
        "https:///no-host",
        "http:javascript:alert(1)",
        "http://exa mple.org",
        "https://exam\u0000ple.org/",
        "mailto:",
        "ｊａｖａｓｃｒｉｐｔ:alert(1)"
      })
  void everythingElseIsRefused(String target) {
    assertThat(LinkPolicy.isAllowed(target)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void nullIsRefused() {
    assertThat(LinkPolicy.isAllowed(null)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void normaliseTrimsWhitespaceAndControlCharacters() {
    assertThat(LinkPolicy.normalise(" \t https://example.org \u0000\n"))
        .isEqualTo("https://example.org");
  }
}
