package dev.parley.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Answers sign-in questions from fixed values and records which were asked, in order. */
final class RecordingCredentialsPrompt implements CredentialsPrompt {
  private final String email;
  private final String password;
  private final Supplier<String> code;
  private final List<String> asked = new ArrayList<>();

  RecordingCredentialsPrompt(String email, String password, Supplier<String> code) {
    this.email = email;
    this.password = password;
    this.code = code;
  }

  RecordingCredentialsPrompt(String email, String password) {
    this(email, password, () -> null);
  }

  @Override
  public synchronized String email() {
    asked.add("email");
    return email;
  }

  @Override
  public synchronized String password() {
    asked.add("password");
    return password;
  }

  @Override
  public synchronized String verificationCode() {
    asked.add("code");
    return code.get();
  }

  synchronized List<String> asked() {
    return List.copyOf(asked);
  }
}
