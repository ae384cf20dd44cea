package dev.parley;

import dev.parley.app.AppOptions;
import dev.parley.app.Launcher;
import dev.parley.server.cli.ServerCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The one entry point of {@code parley.jar}. It only dispatches: the desktop app ({@link Launcher})
 * and the server sub-command, each with its own composition root.
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
      out.println("usage: parley [--demo] [--home DIR]   the desktop app");
      out.println("       parley --version");
      out.println("       parley server --help          the server");
      return 0;
    }
    try {
      AppOptions.parse(java.util.Arrays.asList(args));
    } catch (IllegalArgumentException e) {
      err.println("parley: " + e.getMessage() + " (see --help)");
      return 2;
    }
    // AWT (the tray) and JavaFX must load the same GTK; without this AWT may load GTK 2 first.
    if (System.getProperty("jdk.gtk.version") == null) {
      System.setProperty("jdk.gtk.version", "3");
    }
    Launcher.main(args);
    return 0;
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
