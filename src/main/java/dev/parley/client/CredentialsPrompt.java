package dev.parley.client;

/**
 * Asks the person for what signing in needs (hangups' {@code CredentialsPrompt}). The app
 * implements it with a dialog; {@link ConsoleCredentialsPrompt} reads the terminal. {@link
 * Auth#getAuth} calls it from the thread that signs in, so a dialog implementation blocks that
 * thread until the person answers. Returning null cancels the sign-in.
 */
public interface CredentialsPrompt {
  /** The account's email address. */
  String email();

  /** The account's password. */
  String password();

  /** The current six-digit code of the authenticator app; asked only when the server wants one. */
  String verificationCode();
}
