package dev.parley.server.conversations;

import com.google.protobuf.ByteString;
import dev.parley.proto.Hangouts.Event;
import dev.parley.server.storage.StoreTransaction;
import dev.parley.server.storage.StoredEvent;
import dev.parley.server.storage.SyncReads;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code syncallnewevents} page, filled in one read transaction (PROTOCOL.md section 4.3).
 *
 * <p>Everything after {@code since} goes in oldest first until the next item would pass the size
 * limit: the caller's events, read in server-wide time order across all its conversations a batch
 * at a time, and its conversations that changed besides, each placed at the time it changed (a
 * change and an event at the same time: the change first). The first item of a conversation brings
 * its current view along, counted in the size. When full, the page's {@code sync_timestamp} is the
 * latest time up to which everything is in it, so the next page takes up exactly there; an item
 * that alone passes the limit still goes out, so every page makes progress.
 *
 * <p>The views come encoded from {@link CatchUpViews} and go into the page as they are (see {@link
 * CatchUpReply}).
 */
final class CatchUpPage {
  /**
   * Events read at first, then twice as many each time, up to the maximum. What a full page does
   * not take is handed on to the next page ({@link CatchUpCursors}).
   */
  static final int FIRST_EVENT_BATCH = 1024;

  static final int MAX_EVENT_BATCH = 4096;

  /** Views looked up together at most, when not already known. */
  static final int VIEW_BATCH = 512;

  private final StoreTransaction tx;
  private final String viewerId;
  private final long since;
  private final long syncPoint;
  private final long maxBytes;
  private final CatchUpViews viewCache;
  private final CatchUpCursors cursors;

  private final Map<String, SyncReads.Touch> touches = new HashMap<>();
  private final List<StateChange> changes = new ArrayList<>();
  private final Map<String, ByteString> views = new HashMap<>();
  private final Map<String, CatchUpReply.State> states = new LinkedHashMap<>();
  private List<StoredEvent> batch = List.of();
  private int nextEvent;
  private int nextChange;
  private long bytes;
  private long complete; // everything up to this time is in the page
  private boolean full;

  CatchUpPage(
      StoreTransaction tx,
      String viewerId,
      long since,
      long syncPoint,
      long maxBytes,
      CatchUpViews viewCache,
      CatchUpCursors cursors) {
    this.tx = tx;
    this.viewerId = viewerId;
    this.since = since;
    this.syncPoint = syncPoint;
    this.maxBytes = maxBytes;
    this.viewCache = viewCache;
    this.cursors = cursors;
    this.complete = since;
  }

  /** A conversation that changed without (or besides) new events, at the time it changed. */
  private record StateChange(String conversationId, long at) {}

  CatchUpReply fill() {
    List<SyncReads.Touch> memberships = SyncReads.touches(tx, viewerId);
    for (SyncReads.Touch t : memberships) {
      touches.put(t.conversationId(), t);
      long at = stateChangedAt(t);
      if (at > since) {
        changes.add(new StateChange(t.conversationId(), at));
      }
    }
    changes.sort(Comparator.comparingLong(StateChange::at));
    List<CatchUpCursors.Visibility> visibility = CatchUpCursors.Visibility.of(memberships);
    List<StoredEvent> handedOn = cursors.take(viewerId, since, syncPoint, visibility);
    if (handedOn != null) {
      batch = handedOn;
    }
    long after = since;
    int batchSize = FIRST_EVENT_BATCH;
    boolean moreEvents = true;
    while (!full) {
      if (nextEvent == batch.size() && moreEvents) {
        batch = SyncReads.eventsOf(tx, viewerId, after, syncPoint, batchSize);
        nextEvent = 0;
        moreEvents = batch.size() == batchSize;
        batchSize = Math.min(batchSize * 2, MAX_EVENT_BATCH);
      }
      StoredEvent event = nextEvent < batch.size() ? batch.get(nextEvent) : null;
      StateChange change = nextChange < changes.size() ? changes.get(nextChange) : null;
      if (change != null && (event == null || change.at() <= event.timestamp())) {
        if (add(change.conversationId(), null, change.at())) {
          nextChange++;
        }
      } else if (event != null) {
        if (add(event.conversationId(), ConversationSupport.parseEvent(event), event.timestamp())) {
          after = event.timestamp();
          nextEvent++;
        }
      } else {
        break; // nothing left: complete
      }
    }
    if (full && nextEvent < batch.size()) {
      cursors.keep(viewerId, complete, visibility, batch.subList(nextEvent, batch.size()));
    }
    return new CatchUpReply(syncPoint, full ? complete : syncPoint, List.copyOf(states.values()));
  }

  /**
   * When the conversation changed for this member after {@code since}, or 0: its own state, or the
   * conversation while the member was in it.
   */
  private long stateChangedAt(SyncReads.Touch t) {
    long at = 0;
    if (t.conversationModifiedAt() > since && (t.isCurrent() || t.leftAt() > since)) {
      at = t.conversationModifiedAt();
    }
    if (t.membershipModifiedAt() > since) {
      at = Math.max(at, t.membershipModifiedAt());
    }
    return at;
  }

  /**
   * Adds an event, or with {@code event} null just its conversation, changed at {@code at}; false
   * when it does not fit, and the page is full.
   */
  private boolean add(String conversationId, Event event, long at) {
    CatchUpReply.State state = states.get(conversationId);
    long size = event == null ? 0 : event.getSerializedSize() + 16;
    ByteString view = null;
    if (state == null) {
      view = view(conversationId);
      size += view.size() + 32;
    }
    // Items come in time order, so all before `at` are in; those at `at` may not all be.
    long resumeAt = Math.min(complete, at - 1);
    if (size > 0 && bytes > 0 && bytes + size > maxBytes && resumeAt > since) {
      complete = resumeAt;
      full = true;
      return false;
    }
    bytes += size;
    if (state == null) {
      state = new CatchUpReply.State(conversationId, view, new ArrayList<>());
      states.put(conversationId, state);
    }
    if (event != null) {
      state.events().add(event);
    }
    complete = Math.max(complete, at);
    return true;
  }

  /**
   * The current view of a conversation, encoded; when neither at hand nor kept, looked up together
   * with those of the conversations coming next (of the events read and the changes), up to {@value
   * #VIEW_BATCH}.
   */
  private ByteString view(String conversationId) {
    ByteString view = views.get(conversationId);
    if (view != null) {
      return view;
    }
    view = viewCache.kept(viewerId, touches.get(conversationId));
    if (view != null) {
      views.put(conversationId, view);
      return view;
    }
    Map<String, SyncReads.Touch> wanted = new LinkedHashMap<>();
    wanted.put(conversationId, touches.get(conversationId));
    for (int i = nextEvent; i < batch.size() && wanted.size() < VIEW_BATCH; i++) {
      want(wanted, batch.get(i).conversationId());
    }
    for (int i = nextChange; i < changes.size() && wanted.size() < VIEW_BATCH; i++) {
      want(wanted, changes.get(i).conversationId());
    }
    views.putAll(viewCache.views(tx, viewerId, new ArrayList<>(wanted.values())));
    view = views.get(conversationId);
    if (view == null) {
      throw new IllegalStateException("conversation " + conversationId + " vanished");
    }
    return view;
  }

  private void want(Map<String, SyncReads.Touch> wanted, String conversationId) {
    if (!views.containsKey(conversationId)) {
      wanted.putIfAbsent(conversationId, touches.get(conversationId));
    }
  }
}
