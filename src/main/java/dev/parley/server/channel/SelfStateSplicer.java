package dev.parley.server.channel;

import dev.parley.proto.Hangouts.ActiveClientState;
import dev.parley.proto.Hangouts.BatchUpdate;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.UserConversationState;
import dev.parley.wire.ChannelCodec;
import dev.parley.wire.Pblite;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Encodes the copies of one state update that differ only in {@code
 * conversation.self_conversation_state}, which is what an event push is: every recipient gets the
 * same event and conversation, each with its own state in it. Encoding the whole update (a
 * conversation with every participant, and the event) for each recipient was most of the server's
 * work per message; here the update is encoded once per active-client state with a sentinel self
 * state, and each copy is that text with the recipient's self state spliced over the sentinel's.
 *
 * <p>The splice gives exactly the text that encoding the copy in full gives ({@link
 * ChannelCodec#buildStateUpdateWrapperLiteral}): pblite writes a nested message from its own bytes
 * alone, at a position fixed by its field number, and the text is ASCII written inside two JSON
 * strings, so the self state's text is its plain pblite text escaped twice. The sentinel carries a
 * random token, so no user text can imitate it; should it not be found exactly once anyway, copies
 * are encoded in full. Not thread-safe; one instance serves one fan-out.
 */
final class SelfStateSplicer {
  private static final UserConversationState SENTINEL =
      UserConversationState.newBuilder()
          .setClientGeneratedId("parley-self-" + HexFormat.of().formatHex(randomBytes()))
          .build();
  private static final String SENTINEL_TEXT = selfStateText(SENTINEL);

  private final StateUpdate update;
  private final long nowMicros;

  /** Per active-client state: the text before and after the sentinel, or null heads if unusable. */
  private final String[] heads = new String[ActiveClientState.values().length];

  private final String[] tails = new String[ActiveClientState.values().length];
  private final boolean[] encoded = new boolean[ActiveClientState.values().length];

  /**
   * @param update the shared update, with a {@code conversation}; its header's active-client state
   *     and server time are set per copy
   * @param nowMicros the server time every copy's header carries
   */
  SelfStateSplicer(StateUpdate update, long nowMicros) {
    if (!update.hasConversation()) {
      throw new IllegalArgumentException("the update has no conversation to personalize");
    }
    this.update = update;
    this.nowMicros = nowMicros;
  }

  /**
   * The wrapper literal (as {@link ChannelCodec#buildStateUpdateWrapperLiteral}) of the update as
   * the session in {@code state} of the account whose self state is {@code self} receives it.
   */
  String encode(ActiveClientState state, UserConversationState self) {
    int i = state.ordinal();
    if (!encoded[i]) {
      encoded[i] = true;
      String template = encodeInFull(state, SENTINEL);
      int at = template.indexOf(SENTINEL_TEXT);
      if (at >= 0 && template.indexOf(SENTINEL_TEXT, at + 1) < 0) {
        heads[i] = template.substring(0, at);
        tails[i] = template.substring(at + SENTINEL_TEXT.length());
      }
    }
    if (heads[i] == null) {
      return encodeInFull(state, self);
    }
    // One concatenation: the result is allocated once, at its exact size.
    return heads[i] + selfStateText(self) + tails[i];
  }

  /** The copy for {@code self}, encoded the ordinary way. */
  String encodeInFull(ActiveClientState state, UserConversationState self) {
    StateUpdate.Builder copy = update.toBuilder();
    copy.getStateUpdateHeaderBuilder().setActiveClientState(state).setCurrentServerTime(nowMicros);
    copy.getConversationBuilder().setSelfConversationState(self);
    return ChannelCodec.buildStateUpdateWrapperLiteral(
        BatchUpdate.newBuilder().addStateUpdate(copy).build());
  }

  /** A self state's pblite text as it appears in a wrapper literal: escaped for two strings. */
  private static String selfStateText(UserConversationState self) {
    String plain = Pblite.encode(self);
    StringBuilder sb = new StringBuilder(plain.length() + 16);
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      // '"' is \" inside one string and \\\" inside two; '\' is \\ and then \\\\.
      if (c == '"') {
        sb.append("\\\\\\\"");
      } else if (c == '\\') {
        sb.append("\\\\\\\\");
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
