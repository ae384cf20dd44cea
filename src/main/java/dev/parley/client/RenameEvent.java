package dev.parley.client;

import dev.parley.proto.Hangouts;

/** hangups' {@code RenameEvent}: a conversation was renamed. Immutable. */
public final class RenameEvent extends ConversationEvent {
  RenameEvent(Hangouts.Event event) {
    super(event);
  }

  /** hangups' {@code new_name}: the new name, empty when the custom name was removed. */
  public String getNewName() {
    return proto().getConversationRename().getNewName();
  }

  /** hangups' {@code old_name}: the previous name, empty when there was none. */
  public String getOldName() {
    return proto().getConversationRename().getOldName();
  }
}
