package dev.parley;

import dev.parley.server.cli.ServerCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The one entry point of {@code parley.jar}. It only dispatches: later the desktop app and the
 * server sub-command hang off here, each with its own composition root.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      out.println("parley " + version());
      return 0;
    }
    if (args.length >= 1 && args[0].equals("server")) {
      return new ServerCommand(System.in, out, err)
          .run(java.util.Arrays.asList(args).subList(1, args.length));
    }
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      out.println("usage: parley [--version | --help]");
      out.println("       parley server --help");
      return 0;
    }
    out.println("parley " + version());
    out.println("The desktop app is not built yet; run with --help for what exists.");
    return args.length == 0 ? 0 : 2;
  }

  /** The project version, filtered into {@code version.properties} at build time. */
  public static String version() {
    try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
