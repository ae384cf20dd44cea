package dev.parley.server;

import dev.parley.server.auth.Accounts;
import dev.parley.server.auth.AuthHandler;
import dev.parley.server.auth.AuthService;
import dev.parley.server.auth.CookieAuthenticator;
import dev.parley.server.auth.LoginRateLimiter;
import dev.parley.server.auth.PasswordHasher;
import dev.parley.server.auth.SapisidHashPolicy;
import dev.parley.server.auth.Totp;
import dev.parley.server.channel.ChannelHandler;
import dev.parley.server.channel.ChannelHub;
import dev.parley.server.conversations.ConversationSupport;
import dev.parley.server.conversations.Ids;
import dev.parley.server.conversations.JoinHandler;
import dev.parley.server.conversations.ManagementRpcs;
import dev.parley.server.conversations.MembershipRpcs;
import dev.parley.server.conversations.MessagingRpcs;
import dev.parley.server.conversations.Pusher;
import dev.parley.server.conversations.SignalRpcs;
import dev.parley.server.conversations.SyncRpcs;
import dev.parley.server.conversations.TimestampLedger;
import dev.parley.server.demo.DemoServices;
import dev.parley.server.demo.DemoTimings;
import dev.parley.server.demo.DemoWorld;
import dev.parley.server.http.HttpBodies;
import dev.parley.server.http.Router;
import dev.parley.server.media.MediaFiles;
import dev.parley.server.media.MediaHandler;
import dev.parley.server.media.Thumbnailer;
import dev.parley.server.media.UploadHandler;
import dev.parley.server.people.Avatars;
import dev.parley.server.people.Entities;
import dev.parley.server.people.PeopleRpcs;
import dev.parley.server.presence.ClientActivity;
import dev.parley.server.presence.PresenceRpcs;
import dev.parley.server.rpc.Endpoints;
import dev.parley.server.rpc.RpcHandler;
import dev.parley.server.storage.Store;
import dev.parley.server.storage.Stores;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's composition root: storage, services, the push channel and the HTTP routes, built
 * once from a {@link ServerConfig}. {@link #close()} stops it cleanly.
 */
public final class ParleyServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ParleyServer.class);

  private final ServerConfig config;
  private final Store store;
  private final ChannelHub hub;
  private final Server jetty;
  private final Accounts accounts;
  private final ScheduledExecutorService housekeeping;
  private final String publicUrl;
  private final MediaFiles mediaFiles;
  private final Avatars avatars;
  private final DemoWorld demo; // null unless --demo

  private ParleyServer(ServerConfig config, DemoTimings demoTimings) throws Exception {
    this.config = config;
    Files.createDirectories(config.dataDir());
    SecureRandom random = new SecureRandom();
    TimeSource time = config.time();
    this.store = Stores.open(config.dbUrl(), config.dataDir());
    this.demo = config.demo() ? new DemoWorld(store, time, demoTimings) : null;
    boolean started = false;
    try {
      this.jetty = new Server(new QueuedThreadPool(200, 8, 60_000));
      HttpConfiguration http = new HttpConfiguration();
      http.setSendServerVersion(false);
      // Jetty's per-connection header cache costs ~96 KiB each; with thousands of idle long
      // polls that is most of the heap (ServerBench), and it saves little for our few headers.
      http.setHeaderCacheSize(0);
      // Requests through an HTTP proxy carry an absolute URI whose authority is Google's host,
      // not ours: route by path and ignore the authority (PROTOCOL.md section 2).
      http.setHttpCompliance(
          HttpCompliance.RFC9110.with("parley", HttpCompliance.Violation.MISMATCHED_AUTHORITY));
      ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
      connector.setHost(config.host());
      connector.setPort(config.port());
      connector.setIdleTimeout(330_000); // longer than a long poll
      jetty.addConnector(connector);
      connector.open();
      this.publicUrl =
          config.publicUrl() != null
              ? stripSlash(config.publicUrl())
              : "http://" + hostForUrl(config.host()) + ":" + connector.getLocalPort();

      Ids ids = new Ids(random);
      this.hub = new ChannelHub(config.channel(), time);
      Pusher hubPusher =
          new Pusher() {
            @Override
            public void push(
                String accountId, dev.parley.proto.Hangouts.StateUpdate update, String exclude) {
              hub.push(accountId, update, exclude);
            }

            @Override
            public void pushPresence(
                String accountId, dev.parley.proto.Hangouts.StateUpdate update) {
              hub.pushPresence(accountId, update);
            }

            @Override
            public Runnable prepareConversationPush(
                dev.parley.proto.Hangouts.StateUpdate update,
                Map<String, dev.parley.proto.Hangouts.UserConversationState> selfStates) {
              return hub.prepareConversationPush(update, selfStates)::publish;
            }
          };
      Pusher pusher = demo == null ? hubPusher : demo.observe(hubPusher);
      ClientActivity activity =
          new ClientActivity() {
            @Override
            public boolean isReachable(String accountId) {
              return hub.isReachable(accountId);
            }

            @Override
            public boolean hasActiveClient(String accountId) {
              return hub.isActive(accountId);
            }

            @Override
            public void setActiveClient(String accountId, String clientId, int timeoutSeconds) {
              hub.setActiveClient(accountId, clientId, timeoutSeconds);
            }
          };

      PasswordHasher hasher = new PasswordHasher(config.passwordParams(), random);
      this.accounts = new Accounts(store, hasher, ids, random, time);
      Set<String> origins = new HashSet<>(SapisidHashPolicy.defaultOrigins(publicUrl));
      origins.addAll(config.extraOrigins());
      CookieAuthenticator authenticator =
          new CookieAuthenticator(store, new SapisidHashPolicy(origins), time);
      AuthService auth =
          new AuthService(
              store,
              hasher,
              new Totp(),
              new LoginRateLimiter(time),
              random,
              time,
              (accountId, sidHash, everywhere) -> {
                authenticator.invalidate(sidHash);
                if (everywhere) {
                  authenticator.invalidateAccount(accountId);
                }
              });

      TimestampLedger ledger = new TimestampLedger(store.read(tx -> tx.lastTimestamp()));
      ConversationSupport support =
          new ConversationSupport(store, ledger, pusher, ids, time, publicUrl);
      MembershipRpcs membership = new MembershipRpcs(support);
      MessagingRpcs messaging = new MessagingRpcs(support);
      ManagementRpcs management = new ManagementRpcs(support);
      SignalRpcs signals = new SignalRpcs(support);
      Entities entities = new Entities(publicUrl);
      PresenceRpcs presence = new PresenceRpcs(store, activity, pusher);
      RpcHandler rpc =
          new RpcHandler(
              Endpoints.all(
                  messaging,
                  new SyncRpcs(support),
                  management,
                  membership,
                  signals,
                  new PeopleRpcs(store, entities),
                  presence),
              authenticator,
              time,
              presence::touch);
      this.mediaFiles = new MediaFiles(config.dataDir());
      this.avatars = new Avatars(store, mediaFiles, ids, time);
      // Tell people's contacts when they come online or go away (PROTOCOL.md section 6.5).
      hub.addReachabilityListener(
          (accountId, reachable) -> presence.announce(accountId, time.nowMicros()));
      if (demo != null) {
        demo.start(
            new DemoServices(
                accounts, mediaFiles, ids, messaging, management, membership, signals));
        hub.addReachabilityListener(demo);
      }
      Router router =
          new Router()
              .exact("/healthz", new Health())
              .prefix(RpcHandler.PREFIX, rpc)
              .exact("/client-channel/channel/bind", new ChannelHandler(hub, authenticator))
              .exact(
                  UploadHandler.PATH,
                  new UploadHandler(store, mediaFiles, authenticator, ids, time, publicUrl))
              .prefix(
                  MediaHandler.PREFIX,
                  new MediaHandler(store, mediaFiles, new Thumbnailer(mediaFiles), authenticator))
              .prefix("/auth/", new AuthHandler(auth, authenticator))
              .prefix(JoinHandler.PREFIX, new JoinHandler(membership, authenticator, time));
      jetty.setHandler(router);
      jetty.setStopTimeout(5_000);

      this.housekeeping =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "parley-housekeeping");
                t.setDaemon(true);
                return t;
              });
      housekeeping.scheduleWithFixedDelay(this::housekeep, 1, 60, TimeUnit.MINUTES);
      jetty.start();
      started = true;
    } finally {
      if (!started) {
        if (demo != null) {
          demo.close();
        }
        store.close();
      }
    }
  }

  /** Opens storage and starts listening; the returned server is serving. */
  public static ParleyServer start(ServerConfig config) throws Exception {
    return start(config, DemoTimings.DEFAULT);
  }

  /** As {@link #start(ServerConfig)}, with the demo world's timings (tests shorten them). */
  public static ParleyServer start(ServerConfig config, DemoTimings demoTimings) throws Exception {
    ParleyServer server = new ParleyServer(config, demoTimings);
    LOG.info(
        "Parley server on {} with {} storage in {}",
        server.publicUrl,
        server.store.engine(),
        config.dataDir());
    return server;
  }

  /** The URL clients use: the public URL, or http://host:port. */
  public String url() {
    return publicUrl;
  }

  public int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  public Store store() {
    return store;
  }

  public Accounts accounts() {
    return accounts;
  }

  public Avatars avatars() {
    return avatars;
  }

  public MediaFiles mediaFiles() {
    return mediaFiles;
  }

  public ServerConfig config() {
    return config;
  }

  private void housekeep() {
    try {
      long now = config.time().nowMicros();
      long dayAgo = now - 24L * 3600 * 1_000_000;
      store.write(
          tx -> {
            tx.pruneDedup(dayAgo);
            tx.deleteOffTheRecordEvents(dayAgo);
            return null;
          });
    } catch (RuntimeException e) {
      LOG.warn("housekeeping failed; will try again", e);
    }
  }

  @Override
  public void close() {
    if (demo != null) {
      demo.close();
    }
    housekeeping.shutdownNow();
    // End the long polls first: Jetty would otherwise wait its stop timeout for each of them.
    hub.close();
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.warn("stopping HTTP failed", e);
    }
    store.close();
  }

  /** Waits until the server is stopped (by {@link #close()} from a shutdown hook). */
  public void join() throws InterruptedException {
    jetty.join();
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String hostForUrl(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** {@code GET /healthz}: 200 ok while the server serves. */
  private static final class Health extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      HttpBodies.sendText(response, callback, 200, "ok");
      return true;
    }
  }
}
