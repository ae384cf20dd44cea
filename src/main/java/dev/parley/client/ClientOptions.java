package dev.parley.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * How a {@link Client} reaches its server: URL and cookies, timeouts, user agent, how it retries
 * RPCs and reconnects the push channel, and where it runs callbacks. Immutable; made with {@link
 * #builder(String, Cookies)}.
 */
public final class ClientOptions {
  /** The protocol's push-channel silence limit: the server sends a noop every 20 s. */
  public static final Duration CHANNEL_READ_TIMEOUT = Duration.ofSeconds(60);

  /** The largest image {@link Client#fetchMedia(String)} accepts by default: 40 MiB. */
  public static final long MAX_MEDIA_BYTES = 40L * 1024 * 1024;

  private final String serverUrl;
  private final Cookies cookies;
  private final String origin;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration callTimeout;
  private final Duration channelReadTimeout;
  private final String userAgent;
  private final BackoffPolicy reconnectBackoff;
  private final RetryPolicy retryPolicy;
  private final Executor callbackExecutor;
  private final Path mediaCacheDir;
  private final long mediaCacheMaxBytes;
  private final long maxMediaBytes;

  private ClientOptions(Builder b) {
    this.serverUrl = b.serverUrl;
    this.cookies = b.cookies;
    this.origin = b.origin;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.callTimeout = b.callTimeout;
    this.channelReadTimeout = b.channelReadTimeout;
    this.userAgent = b.userAgent;
    this.reconnectBackoff = b.reconnectBackoff;
    this.retryPolicy = b.retryPolicy;
    this.callbackExecutor = b.callbackExecutor;
    this.mediaCacheDir = b.mediaCacheDir;
    this.mediaCacheMaxBytes = b.mediaCacheMaxBytes;
    this.maxMediaBytes = b.maxMediaBytes;
  }

  /** Options for the server at {@code serverUrl} (e.g. {@code https://chat.example.org}). */
  public static Builder builder(String serverUrl, Cookies cookies) {
    return new Builder(serverUrl, cookies);
  }

  public String serverUrl() {
    return serverUrl;
  }

  public Cookies cookies() {
    return cookies;
  }

  /** The {@code origin} header; null means the server URL's own origin. */
  public String origin() {
    return origin;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Longest silence while reading an RPC response. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** Longest time one RPC attempt may take in all. */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** Longest silence on the push channel before it counts as lost. */
  public Duration channelReadTimeout() {
    return channelReadTimeout;
  }

  public String userAgent() {
    return userAgent;
  }

  public BackoffPolicy reconnectBackoff() {
    return reconnectBackoff;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** Where observers and future completions run; null means the client's own daemon threads. */
  public Executor callbackExecutor() {
    return callbackExecutor;
  }

  /** Where {@link Client#fetchMedia(String)} caches images; null means no cache. */
  public Path mediaCacheDir() {
    return mediaCacheDir;
  }

  /** The media cache's bound in bytes. */
  public long mediaCacheMaxBytes() {
    return mediaCacheMaxBytes;
  }

  /** The largest image {@link Client#fetchMedia(String)} accepts. */
  public long maxMediaBytes() {
    return maxMediaBytes;
  }

  public Builder toBuilder() {
    Builder b = new Builder(serverUrl, cookies);
    b.origin = origin;
    b.connectTimeout = connectTimeout;
    b.readTimeout = readTimeout;
    b.callTimeout = callTimeout;
    b.channelReadTimeout = channelReadTimeout;
    b.userAgent = userAgent;
    b.reconnectBackoff = reconnectBackoff;
    b.retryPolicy = retryPolicy;
    b.callbackExecutor = callbackExecutor;
    b.mediaCacheDir = mediaCacheDir;
    b.mediaCacheMaxBytes = mediaCacheMaxBytes;
    b.maxMediaBytes = maxMediaBytes;
    return b;
  }

  /** Builds {@link ClientOptions}; every setting but URL and cookies has a default. */
  public static final class Builder {
    private final String serverUrl;
    private final Cookies cookies;
    private String origin;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private Duration channelReadTimeout = CHANNEL_READ_TIMEOUT;
    private String userAgent = "Parley/" + Client.VERSION;
    private BackoffPolicy reconnectBackoff = BackoffPolicy.DEFAULT;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Executor callbackExecutor;
    private Path mediaCacheDir;
    private long mediaCacheMaxBytes;
    private long maxMediaBytes = MAX_MEDIA_BYTES;

    private Builder(String serverUrl, Cookies cookies) {
      this.serverUrl = Objects.requireNonNull(serverUrl, "serverUrl");
      this.cookies = Objects.requireNonNull(cookies, "cookies");
    }

    /**
     * Overrides the {@code origin} header (and so the SAPISIDHASH), for a server reached through a
     * proxy under another address than its own.
     */
    public Builder origin(String value) {
      this.origin = value;
      return this;
    }

    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive(value, "connectTimeout");
      return this;
    }

    public Builder readTimeout(Duration value) {
      this.readTimeout = positive(value, "readTimeout");
      return this;
    }

    public Builder callTimeout(Duration value) {
      this.callTimeout = positive(value, "callTimeout");
      return this;
    }

    public Builder channelReadTimeout(Duration value) {
      this.channelReadTimeout = positive(value, "channelReadTimeout");
      return this;
    }

    public Builder userAgent(String value) {
      this.userAgent = Objects.requireNonNull(value, "userAgent");
      return this;
    }

    public Builder reconnectBackoff(BackoffPolicy value) {
      this.reconnectBackoff = Objects.requireNonNull(value, "reconnectBackoff");
      return this;
    }

    public Builder retryPolicy(RetryPolicy value) {
      this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
      return this;
    }

    /**
     * Runs observers and completes futures on {@code executor} (e.g. the UI thread's). State
     * updates stay in order per conversation whatever the executor.
     */
    public Builder callbackExecutor(Executor executor) {
      this.callbackExecutor = executor;
      return this;
    }

    /**
     * Caches what {@link Client#fetchMedia(String)} fetches in {@code dir}, at most {@code
     * maxBytes} (least recently used first out), as the server's {@code Cache-Control} allows. Use
     * a directory per account: cached images are not keyed by who fetched them.
     */
    public Builder mediaCache(Path dir, long maxBytes) {
      this.mediaCacheDir = Objects.requireNonNull(dir, "dir");
      if (maxBytes <= 0) {
        throw new IllegalArgumentException("maxBytes must be positive");
      }
      this.mediaCacheMaxBytes = maxBytes;
      return this;
    }

    /** The largest image {@link Client#fetchMedia(String)} accepts (default 40 MiB). */
    public Builder maxMediaBytes(long value) {
      if (value <= 0) {
        throw new IllegalArgumentException("maxMediaBytes must be positive");
      }
      this.maxMediaBytes = value;
      return this;
    }

    public ClientOptions build() {
      return new ClientOptions(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return value;
    }
  }
}
