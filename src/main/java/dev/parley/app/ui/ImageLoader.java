package dev.parley.app.ui;

import dev.parley.app.UiDispatcher;
import dev.parley.app.session.SessionService;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.scene.image.Image;

/**
 * Images for views: bytes come through the session (which keeps a bounded disk cache), are decoded
 * off the UI thread at the size they are shown, and the decoded images stay in a memory cache
 * bounded by pixel bytes. Futures complete on the UI thread; a broken or undecodable image
 * completes exceptionally with {@link BrokenImageException}.
 */
public final class ImageLoader {
  private final SessionService session;
  private final UiDispatcher ui;
  private final Executor decoder;
  private final long maxBytes;
  private final Map<String, Image> cache = new LinkedHashMap<>(64, 0.75f, true);
  private final Map<String, CompletableFuture<Image>> inFlight = new java.util.HashMap<>();
  private long cachedBytes;

  /** Thrown (as the cause) when an image cannot be fetched or decoded. */
  public static final class BrokenImageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BrokenImageException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public ImageLoader(SessionService session, UiDispatcher ui, Executor decoder, long maxBytes) {
    this.session = session;
    this.ui = ui;
    this.decoder = decoder;
    this.maxBytes = maxBytes;
  }

  /** The cached image, if it is already decoded at this size; call on the UI thread. */
  public Image cached(String url, double width, double height) {
    return cache.get(key(url, width, height));
  }

  /**
   * Loads {@code url} scaled to fit {@code width} x {@code height} (0 for the natural size),
   * keeping its aspect ratio. Call on the UI thread; completes on the UI thread.
   */
  public CompletableFuture<Image> load(String url, double width, double height) {
    String key = key(url, width, height);
    Image hit = cache.get(key);
    if (hit != null) {
      return CompletableFuture.completedFuture(hit);
    }
    CompletableFuture<Image> running = inFlight.get(key);
    if (running != null) {
      return running;
    }
    CompletableFuture<Image> result = new CompletableFuture<>();
    inFlight.put(key, result);
    session
        .fetchImage(url)
        .thenApplyAsync(bytes -> decode(url, bytes, width, height), decoder)
        .whenCompleteAsync(
            (image, error) -> {
              inFlight.remove(key);
              if (error != null) {
                Throwable cause =
                    error instanceof java.util.concurrent.CompletionException
                        ? error.getCause()
                        : error;
                result.completeExceptionally(
                    cause instanceof BrokenImageException
                        ? cause
                        : new BrokenImageException("could not load " + url, cause));
              } else {
                remember(key, image);
                result.complete(image);
              }
            },
            ui);
    return result;
  }

  private static Image decode(String url, byte[] bytes, double width, double height) {
    Image image = new Image(new ByteArrayInputStream(bytes), width, height, true, true);
    if (image.isError() || image.getWidth() <= 0) {
      throw new BrokenImageException("not an image: " + url, image.getException());
    }
    return image;
  }

  private void remember(String key, Image image) {
    long size = bytesOf(image);
    if (size > maxBytes) {
      return;
    }
    cache.put(key, image);
    cachedBytes += size;
    var it = cache.entrySet().iterator();
    while (cachedBytes > maxBytes && it.hasNext()) {
      var eldest = it.next();
      cachedBytes -= bytesOf(eldest.getValue());
      it.remove();
    }
  }

  private static long bytesOf(Image image) {
    return (long) image.getWidth() * (long) image.getHeight() * 4L;
  }

  private static String key(String url, double width, double height) {
    return (int) width + "x" + (int) height + " " + url;
  }
}
