package dev.parley.client.internal;

import dev.parley.proto.Hangouts.RequestHeader;
import dev.parley.proto.Hangouts.SyncAllNewEventsRequest;
import dev.parley.proto.Hangouts.SyncAllNewEventsResponse;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The catch-up's {@code syncallnewevents} calls: binary pages decoded by one {@link
 * CatchUpDecoder}, each telling where the next page starts as soon as its first bytes are in (its
 * header and sync timestamp come first), so that {@link RealConnection} can ask for the next page
 * while this one is still arriving. Thread-safe.
 */
public final class CatchUpCalls {
  private final RealRpc rpc;
  private final Supplier<RequestHeader> requestHeader;
  private final long maxResponseBytes;
  private final CatchUpDecoder decoder = new CatchUpDecoder();

  public CatchUpCalls(RealRpc rpc, Supplier<RequestHeader> requestHeader, long maxResponseBytes) {
    this.rpc = rpc;
    this.requestHeader = requestHeader;
    this.maxResponseBytes = maxResponseBytes;
  }

  /** Asks for the page after {@code since}. */
  public RealConnection.PageCall page(long since) {
    CompletableFuture<CatchUpDecoder.PageStart> start = new CompletableFuture<>();
    RealRpc.Peek peek =
        new RealRpc.Peek() {
          @Override
          public int length() {
            return CatchUpDecoder.START_BYTES;
          }

          @Override
          public void accept(byte[] prefix) {
            start.complete(CatchUpDecoder.start(prefix));
          }
        };
    CompletableFuture<SyncAllNewEventsResponse> page =
        rpc.call(
            Endpoint.SYNC_ALL_NEW_EVENTS,
            SyncAllNewEventsRequest.newBuilder()
                .setRequestHeader(requestHeader.get())
                .setLastSyncTimestamp(since)
                .setMaxResponseSizeBytes(maxResponseBytes)
                .build(),
            SyncAllNewEventsResponse.getDefaultInstance(),
            decoder::decode,
            peek);
    // A page that ends (or fails) without its start having been seen tells nothing ahead.
    page.whenComplete((p, e) -> start.complete(null));
    return new RealConnection.PageCall(since, page, start);
  }
}
