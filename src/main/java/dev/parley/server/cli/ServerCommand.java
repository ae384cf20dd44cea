package dev.parley.server.cli;

import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import dev.parley.server.ServerException;
import dev.parley.server.storage.Account;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code parley server ...}: run the server in the foreground, or manage its accounts.
 *
 * <pre>
 * parley server --data-dir DIR [--host H] [--port P] [--db-url URL] [--public-url URL] [--demo]
 * parley server user add    --data-dir DIR --email E --name N [--password-stdin]
 * parley server user passwd --data-dir DIR --email E [--password-stdin]
 * parley server user totp   --data-dir DIR --email E
 * parley server user avatar --data-dir DIR --email E --file IMAGE
 * parley server user list   --data-dir DIR
 * </pre>
 */
public final class ServerCommand {
  static final String USAGE =
      String.join(
          "\n",
          "usage: parley server --data-dir DIR [--host 127.0.0.1] [--port 8080] [--db-url URL]"
              + " [--public-url URL] [--demo]",
          "       parley server user add --data-dir DIR --email E --name N [--password-stdin]",
          "       parley server user passwd --data-dir DIR --email E [--password-stdin]",
          "       parley server user totp --data-dir DIR --email E",
          "       parley server user avatar --data-dir DIR --email E --file IMAGE",
          "       parley server user list --data-dir DIR");

  private static final Set<String> VALUED =
      Set.of(
          "--data-dir",
          "--host",
          "--port",
          "--db-url",
          "--public-url",
          "--email",
          "--name",
          "--file");
  private static final Set<String> FLAGS = Set.of("--demo", "--password-stdin", "--help");

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;

  public ServerCommand(InputStream in, PrintStream out, PrintStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  /** Runs the command; returns the process exit status. */
  public int run(List<String> args) {
    try {
      Args parsed = Args.parse(args, VALUED, FLAGS);
      if (parsed.flag("--help")) {
        out.println(USAGE);
        return 0;
      }
      List<String> words = parsed.positional();
      if (words.isEmpty()) {
        return serve(parsed);
      }
      if (words.size() == 2 && words.get(0).equals("user")) {
        return user(words.get(1), parsed);
      }
      throw new Args.UsageException("unknown command: " + String.join(" ", words));
    } catch (Args.UsageException e) {
      err.println("parley server: " + e.getMessage());
      err.println(USAGE);
      return 2;
    } catch (ServerException e) {
      err.println("parley server: " + e.getMessage());
      return 1;
    } catch (Exception e) {
      err.println("parley server: " + e);
      return 1;
    }
  }

  private ServerConfig config(Args args) throws Args.UsageException {
    ServerConfig config = ServerConfig.defaults(Path.of(args.require("--data-dir")));
    if (args.get("--host") != null) {
      config = config.withHost(args.get("--host"));
    }
    if (args.get("--port") != null) {
      try {
        int port = Integer.parseInt(args.get("--port"));
        if (port < 0 || port > 65535) {
          throw new NumberFormatException();
        }
        config = config.withPort(port);
      } catch (NumberFormatException e) {
        throw new Args.UsageException("--port takes a number from 0 to 65535");
      }
    }
    return config
        .withDbUrl(args.get("--db-url"))
        .withPublicUrl(args.get("--public-url"))
        .withDemo(args.flag("--demo"));
  }

  private int serve(Args args) throws Exception {
    ServerConfig config = config(args);
    ParleyServer server = ParleyServer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "parley-shutdown"));
    out.println("listening on http://" + config.host() + ":" + server.port());
    out.flush();
    stopped.await();
    return 0;
  }

  private int user(String action, Args args) throws Exception {
    ServerConfig config = config(args).withPort(0).withHost("127.0.0.1");
    try (ParleyServer server = ParleyServer.start(config)) {
      switch (action) {
        case "add" -> {
          String email = args.require("--email");
          String name = args.require("--name");
          char[] password = password(args, "Password for " + email + ": ");
          Account account = server.accounts().create(email, name, password, false);
          Arrays.fill(password, ' ');
          out.println("added " + account.email() + " (" + account.id() + ")");
        }
        case "passwd" -> {
          String email = args.require("--email");
          char[] password = password(args, "New password for " + email + ": ");
          server.accounts().setPassword(email, password);
          Arrays.fill(password, ' ');
          out.println("password changed for " + email);
        }
        case "totp" -> out.println(server.accounts().enableTotp(args.require("--email"), "Parley"));
        case "avatar" -> {
          String email = args.require("--email");
          try (java.io.InputStream image =
              java.nio.file.Files.newInputStream(Path.of(args.require("--file")))) {
            server.avatars().set(email, image);
          } catch (dev.parley.server.media.MediaException e) {
            throw new Args.UsageException("--file: " + e.getMessage());
          }
          out.println("avatar set for " + email);
        }
        case "list" -> {
          for (Account account : server.accounts().list()) {
            out.println(
                account.id()
                    + "\t"
                    + account.email()
                    + "\t"
                    + account.displayName()
                    + (account.totpSecret() != null ? "\t2fa" : ""));
          }
        }
        default -> throw new Args.UsageException("unknown user command: " + action);
      }
    }
    return 0;
  }

  private char[] password(Args args, String prompt) throws IOException, Args.UsageException {
    if (args.flag("--password-stdin")) {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line = reader.readLine();
      if (line == null) {
        throw new Args.UsageException("--password-stdin: no password on standard input");
      }
      return line.toCharArray();
    }
    Console console = System.console();
    if (console == null) {
      throw new Args.UsageException("no terminal to ask for a password: use --password-stdin");
    }
    char[] password = console.readPassword(prompt);
    if (password == null) {
      throw new Args.UsageException("no password given");
    }
    return password;
  }
}
