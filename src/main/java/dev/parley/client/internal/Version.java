package dev.parley.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version the Maven build stamped into {@code dev/parley/version.properties}. */
public final class Version {
  private Version() {}

  public static String read() {
    try (InputStream in = Version.class.getResourceAsStream("/dev/parley/version.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "dev");
      }
    } catch (IOException e) {
      // fall through to the fallback
    }
    return "dev";
  }
}
