package dev.parley.server.conversations;

import com.google.protobuf.ByteString;
import dev.parley.server.storage.ConversationRecord;
import dev.parley.server.storage.Membership;
import dev.parley.server.storage.StoreTransaction;
import dev.parley.server.storage.SyncReads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conversations {@code syncallnewevents} sends, as each viewer sees them, built and encoded
 * once and kept while they stay current. A catch-up through a long backlog sends the same
 * conversation again on page after page (every page must carry the current conversation of each
 * conversation in it), and building one reads a row per participant; kept, the next page only
 * checks it is still current and copies its bytes.
 *
 * <p>A view is current while its conversation's and the viewer's membership's {@code modifiedAt}
 * are what they were when it was built: every change a view shows moves one of them (an event, a
 * membership change or a watermark moves the conversation's; the viewer's own level, view and
 * deletions move the membership's). Participants' display names are the exception: no RPC changes
 * them today; one that does must clear this cache (or key it on them). Bounded by the encoded size
 * of what it holds, least recently used first out. Thread-safe.
 */
final class CatchUpViews {
  /** What the kept views may add up to, encoded. */
  static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

  private final long maxBytes;
  private final Map<Key, Kept> kept = new LinkedHashMap<>(256, 0.75f, true);
  private long keptBytes;

  CatchUpViews() {
    this(DEFAULT_MAX_BYTES);
  }

  CatchUpViews(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  private record Key(String viewerId, String conversationId) {}

  private record Kept(long conversationModifiedAt, long membershipModifiedAt, ByteString view) {}

  /** The kept view of this conversation for {@code viewerId} if it is still current, else null. */
  synchronized ByteString kept(String viewerId, SyncReads.Touch t) {
    if (t == null) {
      return null;
    }
    Kept k = kept.get(new Key(viewerId, t.conversationId()));
    if (k != null
        && k.conversationModifiedAt == t.conversationModifiedAt()
        && k.membershipModifiedAt == t.membershipModifiedAt()) {
      return k.view;
    }
    return null;
  }

  /**
   * The current views of these conversations for {@code viewerId}, encoded: kept ones still
   * current, the others read (a few statements for all of them together) and built in {@code tx}.
   */
  Map<String, ByteString> views(
      StoreTransaction tx, String viewerId, List<SyncReads.Touch> touches) {
    Map<String, ByteString> views = new HashMap<>();
    List<SyncReads.Touch> missing = new ArrayList<>();
    for (SyncReads.Touch t : touches) {
      ByteString view = kept(viewerId, t);
      if (view != null) {
        views.put(t.conversationId(), view);
      } else {
        missing.add(t);
      }
    }
    if (missing.isEmpty()) {
      return views;
    }
    List<String> ids = missing.stream().map(SyncReads.Touch::conversationId).toList();
    Map<String, ConversationRecord> records = SyncReads.conversations(tx, ids);
    Map<String, List<SyncReads.Member>> members = SyncReads.members(tx, ids);
    List<Map.Entry<SyncReads.Touch, ByteString>> built = new ArrayList<>();
    for (SyncReads.Touch t : missing) {
      ConversationRecord c = records.get(t.conversationId());
      if (c == null) {
        continue;
      }
      List<SyncReads.Member> theirs = members.getOrDefault(t.conversationId(), List.of());
      List<Membership> ms = new ArrayList<>(theirs.size());
      Map<String, String> names = new HashMap<>();
      for (SyncReads.Member m : theirs) {
        ms.add(m.membership());
        names.put(m.membership().accountId(), m.displayName());
      }
      ByteString view = ConversationViews.forViewer(c, ms, names::get, viewerId).toByteString();
      views.put(t.conversationId(), view);
      built.add(Map.entry(t, view));
    }
    keep(viewerId, built);
    return views;
  }

  private synchronized void keep(
      String viewerId, List<Map.Entry<SyncReads.Touch, ByteString>> built) {
    for (Map.Entry<SyncReads.Touch, ByteString> e : built) {
      SyncReads.Touch t = e.getKey();
      ByteString view = e.getValue();
      long size = view.size();
      if (size > maxBytes / 4) {
        continue; // one huge conversation would push out everybody else's
      }
      Kept previous =
          kept.put(
              new Key(viewerId, t.conversationId()),
              new Kept(t.conversationModifiedAt(), t.membershipModifiedAt(), view));
      keptBytes += size - (previous == null ? 0 : previous.view.size());
    }
    Iterator<Kept> eldestFirst = kept.values().iterator();
    while (keptBytes > maxBytes && eldestFirst.hasNext()) {
      keptBytes -= eldestFirst.next().view.size();
      eldestFirst.remove();
    }
  }
}
