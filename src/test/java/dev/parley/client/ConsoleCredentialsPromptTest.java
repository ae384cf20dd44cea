package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class ConsoleCredentialsPromptTest {
  @Test
  void readsOneAnswerPerLineAndPromptsForEach() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String input = " alice@example.org \nsecret words\n123456\n";
    ConsoleCredentialsPrompt prompt =
        new ConsoleCredentialsPrompt(
            new ByteArrayInputStream(input.getBytes(Charset.defaultCharset())),
            new PrintStream(out, true));

    assertThat(prompt.email()).isEqualTo("alice@example.org");
    assertThat(prompt.password()).isEqualTo("secret words");
    assertThat(prompt.verificationCode()).isEqualTo("123456");
    assertThat(out.toString()).contains("Email: ", "Password: ", "Verification code: ");
  }

  @Test
  void endOfInputAnswersNullWhichCancels() {
    ConsoleCredentialsPrompt prompt =
        new ConsoleCredentialsPrompt(
            new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()));

    assertThat(prompt.email()).isNull();
  }
}
