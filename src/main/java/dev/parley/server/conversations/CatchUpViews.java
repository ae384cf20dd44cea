package dev.parley.server.conversations;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.parley.proto.Hangouts.Conversation;
import dev.parley.server.storage.Account;
import dev.parley.server.storage.ConversationRecord;
import dev.parley.server.storage.Membership;
import dev.parley.server.storage.StoreTransaction;
import dev.parley.server.storage.SyncReads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conversations {@code syncallnewevents} sends, as each viewer sees them, built once and kept
 * while they stay current. A catch-up through a long backlog sends the same conversation again on
 * page after page (every page must carry the current conversation of each conversation in it), and
 * building one reads a row per participant; kept, the next page only checks it is still current.
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
  private final Map<String, Kept> kept = new LinkedHashMap<>(256, 0.75f, true);
  private long keptBytes;

  CatchUpViews() {
    this(DEFAULT_MAX_BYTES);
  }

  CatchUpViews(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  private record Kept(long conversationModifiedAt, long membershipModifiedAt, Conversation view) {}

  /**
   * The current views of these conversations for {@code viewerId}: kept ones still current, the
   * others read (a few statements for all of them together) and built in {@code tx}.
   */
  Map<String, Conversation> views(
      StoreTransaction tx, String viewerId, List<SyncReads.Touch> touches) {
    Map<String, Conversation> views = new HashMap<>();
    List<SyncReads.Touch> missing = new ArrayList<>();
    synchronized (this) {
      for (SyncReads.Touch t : touches) {
        Kept k = kept.get(key(viewerId, t.conversationId()));
        if (k != null
            && k.conversationModifiedAt == t.conversationModifiedAt()
            && k.membershipModifiedAt == t.membershipModifiedAt()) {
          views.put(t.conversationId(), k.view);
        } else {
          missing.add(t);
        }
      }
    }
    if (missing.isEmpty()) {
      return views;
    }
    List<String> ids = missing.stream().map(SyncReads.Touch::conversationId).toList();
    Map<String, ConversationRecord> records = SyncReads.conversations(tx, ids);
    Map<String, List<Membership>> memberships = SyncReads.memberships(tx, ids);
    Set<String> people = new HashSet<>();
    memberships.values().forEach(ms -> ms.forEach(m -> people.add(m.accountId())));
    Map<String, Account> accounts = SyncReads.accounts(tx, people);
    List<Map.Entry<SyncReads.Touch, Conversation>> built = new ArrayList<>();
    for (SyncReads.Touch t : missing) {
      ConversationRecord c = records.get(t.conversationId());
      if (c == null) {
        continue;
      }
      List<Membership> ms = memberships.getOrDefault(t.conversationId(), List.of());
      Map<String, Account> theirs = new HashMap<>();
      for (Membership m : ms) {
        Account a = accounts.get(m.accountId());
        if (a != null) {
          theirs.put(a.id(), a);
        }
      }
      Conversation view =
          encoded(ConversationViews.forViewer(new ConversationSnapshot(c, ms, theirs), viewerId));
      views.put(t.conversationId(), view);
      built.add(Map.entry(t, view));
    }
    keep(viewerId, built);
    return views;
  }

  private synchronized void keep(
      String viewerId, List<Map.Entry<SyncReads.Touch, Conversation>> built) {
    for (Map.Entry<SyncReads.Touch, Conversation> e : built) {
      SyncReads.Touch t = e.getKey();
      Conversation view = e.getValue();
      long size = view.getSerializedSize();
      if (size > maxBytes / 4) {
        continue; // one huge conversation would push out everybody else's
      }
      Kept previous =
          kept.put(
              key(viewerId, t.conversationId()),
              new Kept(t.conversationModifiedAt(), t.membershipModifiedAt(), view));
      keptBytes += size - (previous == null ? 0 : previous.view.getSerializedSize());
    }
    Iterator<Kept> eldestFirst = kept.values().iterator();
    while (keptBytes > maxBytes && eldestFirst.hasNext()) {
      keptBytes -= eldestFirst.next().view.getSerializedSize();
      eldestFirst.remove();
    }
  }

  /**
   * The same view, parsed back from its encoding: its text then stays encoded, so writing it again
   * for every page it goes out in copies bytes instead of encoding each name and id afresh.
   */
  private static Conversation encoded(Conversation view) {
    try {
      return Conversation.parseFrom(view.toByteString());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a view that does not parse back", e);
    }
  }

  private static String key(String viewerId, String conversationId) {
    return viewerId + '/' + conversationId;
  }
}
