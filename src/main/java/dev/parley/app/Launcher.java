package dev.parley.app;

import javafx.application.Application;

/**
 * Starts the desktop app. It does not extend {@code Application} on purpose: the app runs from the
 * class path (not as a module), and JavaFX refuses to launch an {@code Application} main class that
 * way.
 */
public final class Launcher {
  private Launcher() {}

  /**
   * {@code [--demo] [--home DIR]}: {@code --demo} opens the demo world on an embedded server;
   * {@code --home} keeps data, settings and cache under DIR instead of the per-user directories.
   */
  public static void main(String[] args) {
    Application.launch(ParleyApp.class, args);
  }
}
