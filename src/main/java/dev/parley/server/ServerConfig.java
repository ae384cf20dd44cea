package dev.parley.server;

import dev.parley.server.auth.PasswordHasher;
import dev.parley.server.channel.ChannelConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * How to run a server: where its data lives, where it listens, which database, how it is reached
 * from outside, and whether to seed the demo world. Tests shorten the channel's timings and use
 * cheaper password hashing.
 */
public record ServerConfig(
    Path dataDir,
    String host,
    int port,
    String dbUrl,
    String publicUrl,
    boolean demo,
    Set<String> extraOrigins,
    ChannelConfig channel,
    PasswordHasher.Params passwordParams,
    TimeSource time) {

  public ServerConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(host, "host");
    extraOrigins = Set.copyOf(extraOrigins);
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(passwordParams, "passwordParams");
    Objects.requireNonNull(time, "time");
  }

  public static ServerConfig defaults(Path dataDir) {
    return new ServerConfig(
        dataDir,
        "127.0.0.1",
        8080,
        null,
        null,
        false,
        Set.of(),
        ChannelConfig.defaults(),
        PasswordHasher.Params.DEFAULT,
        TimeSource.SYSTEM);
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(
        dataDir,
        host,
        newPort,
        dbUrl,
        publicUrl,
        demo,
        extraOrigins,
        channel,
        passwordParams,
        time);
  }

  public ServerConfig withHost(String newHost) {
    return new ServerConfig(
        dataDir,
        newHost,
        port,
        dbUrl,
        publicUrl,
        demo,
        extraOrigins,
        channel,
        passwordParams,
        time);
  }

  public ServerConfig withDbUrl(String url) {
    return new ServerConfig(
        dataDir, host, port, url, publicUrl, demo, extraOrigins, channel, passwordParams, time);
  }

  public ServerConfig withPublicUrl(String url) {
    return new ServerConfig(
        dataDir, host, port, dbUrl, url, demo, extraOrigins, channel, passwordParams, time);
  }

  public ServerConfig withDemo(boolean on) {
    return new ServerConfig(
        dataDir, host, port, dbUrl, publicUrl, on, extraOrigins, channel, passwordParams, time);
  }

  public ServerConfig withChannel(ChannelConfig config) {
    return new ServerConfig(
        dataDir, host, port, dbUrl, publicUrl, demo, extraOrigins, config, passwordParams, time);
  }

  public ServerConfig withPasswordParams(PasswordHasher.Params params) {
    return new ServerConfig(
        dataDir, host, port, dbUrl, publicUrl, demo, extraOrigins, channel, params, time);
  }

  public ServerConfig withTime(TimeSource source) {
    return new ServerConfig(
        dataDir, host, port, dbUrl, publicUrl, demo, extraOrigins, channel, passwordParams, source);
  }

  public ServerConfig withExtraOrigins(Set<String> origins) {
    return new ServerConfig(
        dataDir, host, port, dbUrl, publicUrl, demo, origins, channel, passwordParams, time);
  }
}
