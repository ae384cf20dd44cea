package dev.parley.client;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Objects;

/**
 * Asks on the terminal, as hangups' stdin prompt does: lines from standard input, the password
 * without echo when a {@link Console} is attached. End of input answers null, which cancels the
 * sign-in.
 */
public final class ConsoleCredentialsPrompt implements CredentialsPrompt {
  private final Console console;
  private final BufferedReader in;
  private final PrintStream out;

  /** Reads the process's terminal (or standard input when there is none). */
  public ConsoleCredentialsPrompt() {
    this(System.console(), System.in, System.out);
  }

  /** Reads {@code in} and prompts on {@code out}; the password is echoed. */
  public ConsoleCredentialsPrompt(InputStream in, PrintStream out) {
    this(null, in, out);
  }

  private ConsoleCredentialsPrompt(Console console, InputStream in, PrintStream out) {
    this.console = console;
    Charset charset = console != null ? console.charset() : Charset.defaultCharset();
    this.in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(in), charset));
    this.out = Objects.requireNonNull(out);
  }

  @Override
  public String email() {
    return ask("Email: ");
  }

  @Override
  public String password() {
    if (console != null) {
      char[] password = console.readPassword("Password: ");
      return password == null ? null : new String(password);
    }
    return ask("Password: ");
  }

  @Override
  public String verificationCode() {
    return ask("Verification code: ");
  }

  private String ask(String prompt) {
    if (console != null) {
      String line = console.readLine("%s", prompt);
      return line == null ? null : line.strip();
    }
    out.print(prompt);
    out.flush();
    try {
      String line = in.readLine();
      return line == null ? null : line.strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the terminal", e);
    }
  }
}
