package dev.parley.examples;

import dev.parley.client.Auth;
import dev.parley.client.Client;
import dev.parley.client.ConsoleCredentialsPrompt;
import dev.parley.client.Cookies;
import dev.parley.client.CredentialsPrompt;
import dev.parley.client.RefreshTokenCache;
import dev.parley.client.User;
import dev.parley.client.UserId;
import dev.parley.client.UserList;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The command line the examples share, and hangups' {@code run_example}: sign in, connect, run the
 * example with the connected client, disconnect.
 *
 * <pre>
 * --server URL         the Parley server (default http://127.0.0.1:8080)
 * --token-file PATH    where the refresh token is kept (default ~/.parley/examples-token)
 * --conversation ID    the conversation to work with
 * --message TEXT       a message; **bold**, *italic* and links are understood
 * --image FILE         an image file (JPEG, PNG, GIF or WebP)
 * --user ID|EMAIL      a person, by account id or email address; may be repeated
 * --name TEXT          a name for a new group
 * --max-events N       how many events to ask for at a time (default 5)
 * --seconds N          how long to wait for messages (default: until interrupted)
 * </pre>
 *
 * @param prompt asks for email and password when the token file holds no valid token; tests answer
 *     from a script, {@link #parse} uses the terminal
 */
public record ExampleArgs(
    String server,
    Path tokenFile,
    String conversation,
    String message,
    Path image,
    List<String> users,
    String name,
    int maxEvents,
    Duration duration,
    CredentialsPrompt prompt) {

  /** How long signing in, connecting and each request may take before an example gives up. */
  public static final Duration TIMEOUT = Duration.ofSeconds(60);

  static final String USAGE =
      "options: --server URL --token-file PATH [--conversation ID] [--message TEXT]"
          + " [--image FILE] [--user ID|EMAIL]... [--name TEXT] [--max-events N] [--seconds N]";

  public ExampleArgs {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(tokenFile, "tokenFile");
    users = List.copyOf(users);
    Objects.requireNonNull(prompt, "prompt");
  }

  /**
   * Reads the command line; credentials are asked on the terminal.
   *
   * @throws IllegalArgumentException for an unknown option or a missing value
   */
  public static ExampleArgs parse(String... args) {
    String server = "http://127.0.0.1:8080";
    Path tokenFile = Path.of(System.getProperty("user.home"), ".parley", "examples-token");
    String conversation = null;
    String message = null;
    Path image = null;
    List<String> users = new ArrayList<>();
    String name = null;
    int maxEvents = 5;
    Duration duration = null;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        throw new IllegalArgumentException(USAGE);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value; " + USAGE);
      }
      String value = args[++i];
      switch (option) {
        case "--server" -> server = value;
        case "--token-file" -> tokenFile = Path.of(value);
        case "--conversation" -> conversation = value;
        case "--message" -> message = value;
        case "--image" -> image = Path.of(value);
        case "--user" -> users.add(value);
        case "--name" -> name = value;
        case "--max-events" -> maxEvents = Integer.parseInt(value);
        case "--seconds" -> duration = Duration.ofSeconds(Long.parseLong(value));
        default -> throw new IllegalArgumentException("unknown option " + option + "; " + USAGE);
      }
    }
    return new ExampleArgs(
        server,
        tokenFile,
        conversation,
        message,
        image,
        users,
        name,
        maxEvents,
        duration,
        new ConsoleCredentialsPrompt());
  }

  /** What an example does with its options, printing to {@code out}. */
  @FunctionalInterface
  public interface Example {
    void run(ExampleArgs args, PrintStream out) throws Exception;
  }

  /**
   * An example's {@code main}: parses the command line and runs it, printing to standard output; a
   * wrong command line (an unknown option, a missing one) prints why and exits with status 2.
   */
  static void main(String[] args, Example example) throws Exception {
    try {
      example.run(parse(args), System.out);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
  }

  /** These options, signing in with {@code credentials} instead. */
  public ExampleArgs withPrompt(CredentialsPrompt credentials) {
    return new ExampleArgs(
        server,
        tokenFile,
        conversation,
        message,
        image,
        users,
        name,
        maxEvents,
        duration,
        credentials);
  }

  /**
   * An option the example cannot do without.
   *
   * @throws IllegalArgumentException if it was not given
   */
  static <T> T require(T value, String option) {
    if (value == null) {
      throw new IllegalArgumentException(option + " is required; " + USAGE);
    }
    return value;
  }

  /**
   * The people {@code --user} names: an account id as it is, an email address looked up with the
   * people search.
   *
   * @throws IllegalArgumentException if nobody has that email address
   */
  static List<UserId> userIds(UserList userList, List<String> users) throws Exception {
    List<UserId> ids = new ArrayList<>();
    for (String user : users) {
      if (!user.contains("@")) {
        ids.add(UserId.of(user));
        continue;
      }
      User found =
          await(userList.searchPeople(user, 10)).stream()
              .filter(u -> user.equalsIgnoreCase(u.getCanonicalEmail()))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("nobody has the address " + user));
      ids.add(found.getId());
    }
    return ids;
  }

  /** What an example does once the client is connected. */
  @FunctionalInterface
  public interface Body {
    void run(Client client) throws Exception;
  }

  /**
   * hangups' {@code run_example}. Signs in (the refresh token in {@link #tokenFile()} spares the
   * password after the first time), runs {@link Client#connect()} on a thread of its own, waits for
   * {@code on_connect}, runs {@code body}, then disconnects and waits for {@code connect()} to
   * return. An interrupt (hangups' Ctrl-C) ends {@code body} quietly; the thread stays interrupted.
   */
  public void run(PrintStream out, Body body) throws Exception {
    // Obtain session cookies, asking for credentials only if no cached token works.
    Cookies cookies = Auth.getAuth(server, prompt, new RefreshTokenCache(tokenFile));
    Client client = Client.create(server, cookies);

    // connect() blocks until disconnect(), so it gets a thread of its own.
    CountDownLatch connected = new CountDownLatch(1);
    client.onConnect().addObserver(nothing -> connected.countDown());
    AtomicReference<Throwable> connectFailure = new AtomicReference<>();
    Thread connection =
        new Thread(
            () -> {
              try {
                client.connect();
              } catch (RuntimeException | Error e) {
                connectFailure.set(e);
                connected.countDown();
              }
            },
            "parley-example-connect");
    connection.setDaemon(true);
    connection.start();

    boolean interrupted = false;
    try {
      if (!connected.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new TimeoutException("not connected to " + server + " within " + TIMEOUT);
      }
      if (connectFailure.get() != null) {
        throw new IllegalStateException("connect() failed", connectFailure.get());
      }
      body.run(client);
    } catch (InterruptedException e) {
      interrupted = true;
      out.println("interrupted");
    } finally {
      // Disconnect, which makes connect() return.
      client.disconnect();
      interrupted |= Thread.interrupted();
      connection.join(TIMEOUT.toMillis());
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Waits for an asynchronous result, at most {@link #TIMEOUT}; rethrows what it failed with. */
  public static <T> T await(CompletableFuture<T> future) throws Exception {
    try {
      return future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
