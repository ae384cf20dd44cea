package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every English bundle of the app has a German one with the same keys, the same {@code {n}}
 * arguments, and patterns {@link MessageFormat} accepts.
 */
class BundlesCompleteTest {
  private static final Path RESOURCES = Path.of("src/main/resources/dev/parley/app");
  private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

  private static List<Path> englishBundles() throws IOException {
    try (Stream<Path> files = Files.walk(RESOURCES)) {
      return files
          .filter(p -> p.getFileName().toString().equals("messages.properties"))
          .sorted()
          .toList();
    }
  }

  private static Properties load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }

  @Test
  void everyEnglishBundleHasAGermanOneWithTheSameKeys() throws IOException {
    List<Path> bundles = englishBundles();
    assertThat(bundles).isNotEmpty();
    SoftAssertions softly = new SoftAssertions();
    for (Path english : bundles) {
      Path german = english.resolveSibling("messages_de.properties");
      softly.assertThat(german).as("German beside %s", english).exists();
      if (!Files.exists(german)) {
        continue;
      }
      softly
          .assertThat(new TreeSet<>(load(german).stringPropertyNames()))
          .as("keys of %s", german)
          .isEqualTo(new TreeSet<>(load(english).stringPropertyNames()));
    }
    softly.assertAll();
  }

  @Test
  void germanStringsTakeTheSameArgumentsAndAreValidPatterns() throws IOException {
    SoftAssertions softly = new SoftAssertions();
    for (Path english : englishBundles()) {
      Path german = english.resolveSibling("messages_de.properties");
      if (!Files.exists(german)) {
        continue;
      }
      Properties en = load(english);
      Properties de = load(german);
      for (String key : en.stringPropertyNames()) {
        String translated = de.getProperty(key);
        if (translated == null) {
          continue;
        }
        softly
            .assertThat(arguments(translated))
            .as("arguments of %s in %s", key, german)
            .isEqualTo(arguments(en.getProperty(key)));
        if (!arguments(translated).isEmpty()) {
          softly
              .assertThatCode(() -> new MessageFormat(translated, Locale.GERMAN))
              .as("pattern %s in %s", key, german)
              .doesNotThrowAnyException();
          // A lone apostrophe would swallow the text after it; it must be doubled.
          softly
              .assertThat(translated.replace("''", ""))
              .as("apostrophes of %s in %s", key, german)
              .doesNotContain("'");
        }
      }
    }
    softly.assertAll();
  }

  private static TreeSet<String> arguments(String pattern) {
    TreeSet<String> found = new TreeSet<>();
    Matcher m = ARGUMENT.matcher(pattern);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
