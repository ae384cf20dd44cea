package dev.parley.app.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * A signed-in, connected session, as the ViewModels use it. It wraps the client library's {@code
 * Client}, {@code ConversationList} and {@code UserList} ({@link RealSessionService}); ViewModel
 * tests use a fake. Queries answer from memory at once; requests return futures that complete on
 * the UI thread; changes arrive through {@link SessionListener}s, also on the UI thread. Failures
 * complete futures exceptionally with the client library's typed exceptions.
 */
public interface SessionService extends AutoCloseable {

  /** The signed-in user. */
  Person self();

  /** The server this session talks to, e.g. {@code http://127.0.0.1:8080}. */
  String serverUrl();

  // ---- conversations ----

  /** Every conversation, archived ones included, most recent activity first. */
  List<ConversationSummary> conversations();

  Optional<ConversationSummary> conversation(String conversationId);

  /** The loaded history of a conversation, oldest first, the user's pending messages included. */
  List<TimelineItem> timeline(String conversationId);

  /**
   * Loads up to {@code max} items older than the oldest loaded one ({@code getEvents}). Completes
   * with an empty page with {@code reachedStart} when there is nothing older.
   */
  CompletableFuture<HistoryPage> loadOlder(String conversationId, int max);

  /** Each other participant's read timestamp. */
  Map<String, Instant> readReceipts(String conversationId);

  /** Who is typing in a conversation now. */
  List<Person> typing(String conversationId);

  // ---- writing ----

  /**
   * Sends a message written in hangups' markup ({@code **bold**}, {@code _italic_}, links), with an
   * optional image. Returns the pending message at once (also announced to listeners); it becomes
   * SENT when the server's event arrives, or FAILED. Messages written while disconnected wait and
   * are sent in order, exactly once, when the connection returns.
   *
   * @param progress told bytes uploaded so far and the total, on the UI thread; may be null
   */
  ChatMessage send(
      String conversationId, String markup, OutgoingImage image, BiConsumer<Long, Long> progress);

  /** Sends a FAILED message again, keeping its place and its client-generated id. */
  void retry(String conversationId, String clientGeneratedId);

  /** Tells the others the user is typing: STARTED, PAUSED or STOPPED. */
  void setTyping(String conversationId, dev.parley.client.TypingStatus status);

  /** Marks everything in the conversation read (its newest event's timestamp). */
  CompletableFuture<Void> markRead(String conversationId);

  /** The user interacted with the app: mark this client active (rate-limited as hangups does). */
  void setActive();

  // ---- people ----

  /** Someone known to the session, or a placeholder "Unknown" person. */
  Person person(String personId);

  PresenceInfo presence(String personId);

  /** Asks the server for these people's presence; updates arrive as {@code presenceChanged}. */
  void refreshPresence(List<String> personIds);

  CompletableFuture<List<Person>> searchPeople(String query, int max);

  /**
   * The longest status message the app sends, in UTF-16 chars (the server takes at most 4 KiB of
   * segments; 1000 chars are at most 3000 bytes of UTF-8).
   */
  int MAX_STATUS_MESSAGE_LENGTH = 1000;

  /**
   * Sets the user's status message (their "mood"), shown to the people they share conversations
   * with; empty clears it.
   */
  CompletableFuture<Void> setStatusMessage(String text);

  /**
   * Shows the user as available, or as busy (the server's do-not-disturb: others see them as not
   * available until they switch back).
   */
  CompletableFuture<Void> setAvailable(boolean available);

  CompletableFuture<List<Person>> suggestedPeople(int max);

  /**
   * Opens a one-to-one conversation with one person (reusing an existing one), or creates a group
   * when {@code groupName} is non-null or there are several people. Completes with its id.
   */
  CompletableFuture<String> createConversation(List<String> personIds, String groupName);

  // ---- managing a conversation ----

  /**
   * The longest conversation name the server takes, in UTF-16 chars after trimming (its {@code
   * ManagementRpcs.MAX_NAME_LENGTH}).
   */
  int MAX_CONVERSATION_NAME_LENGTH = 1000;

  /**
   * Renames a conversation; an empty name removes the custom name. The server trims it and refuses
   * one longer than {@link #MAX_CONVERSATION_NAME_LENGTH} or holding control characters ({@code
   * RequestRefusedException}). Everyone sees a RENAME {@link SystemEvent}.
   */
  CompletableFuture<Void> rename(String conversationId, String name);

  /** Adds people to a group (a MEMBERSHIP event); {@code ConversationTypeException} for a 1:1. */
  CompletableFuture<Void> addPeople(String conversationId, List<String> personIds);

  /** Removes someone else from a group (a MEMBERSHIP event). */
  CompletableFuture<Void> removePerson(String conversationId, String personId);

  /**
   * Leaves a group: the others see "… left", and it is removed from this session's list ({@code
   * conversationRemoved}) before the future completes. {@code ConversationTypeException} for a 1:1.
   */
  CompletableFuture<Void> leave(String conversationId);

  /**
   * Deletes a one-to-one conversation's history for the user up to now (hangups' {@code
   * deleteconversation}); it leaves the list until someone writes in it again. {@code
   * ConversationTypeException} for a group.
   */
  CompletableFuture<Void> deleteHistory(String conversationId);

  /** Mutes (notification level QUIET) or unmutes (RING); the summary's {@code quiet} follows. */
  CompletableFuture<Void> setQuiet(String conversationId, boolean quiet);

  /** Turns history off ({@code true}) or on; everyone sees an OFF_THE_RECORD event. */
  CompletableFuture<Void> setOffTheRecord(String conversationId, boolean offTheRecord);

  /** Lets people join a group by its link, or stops it; everyone sees a LINK_SHARING event. */
  CompletableFuture<Void> setLinkSharing(String conversationId, boolean enabled);

  /** The link that lets people join a group; refused while link sharing is off. */
  CompletableFuture<String> groupLink(String conversationId);

  /**
   * Joins a group by a shared {@code …/join/<token>} link and completes with its id once it is in
   * {@link #conversations()}. A link that names no token, or whose group has link sharing off,
   * fails with {@code RequestRefusedException}.
   */
  CompletableFuture<String> joinByLink(String url);

  // ---- media and connection ----

  /**
   * The bytes of an image on the server (a thumbnail, a full-size picture or an avatar), through
   * the bounded disk cache; fetched off the UI thread.
   */
  CompletableFuture<byte[]> fetchImage(String url);

  ConnectionStatus connectionStatus();

  /** Skips the reconnect wait and tries at once. */
  void reconnectNow();

  void addListener(SessionListener listener);

  void removeListener(SessionListener listener);

  /** Disconnects and stops; queries keep answering from what was loaded. */
  @Override
  void close();
}
