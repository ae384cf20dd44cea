package dev.parley.app.conversation;

import dev.parley.app.session.ChatMessage;
import dev.parley.app.session.SendState;
import dev.parley.client.ChatMessageSegment;
import dev.parley.client.ImageAttachment;
import dev.parley.client.SegmentType;

/**
 * What Enter does on the message that has the keyboard focus, so that everything a click reaches in
 * a message is reachable without the mouse: a failed message is sent again, else its first picture
 * opens in the viewer, else its first link opens.
 */
final class MessageActivation {
  private MessageActivation() {}

  /** Runs the message's main action; false when it has none. */
  static boolean activate(ChatMessage message, TimelineContext context) {
    if (message.state() == SendState.FAILED) {
      context.retry().accept(message);
      return true;
    }
    for (ImageAttachment image : message.images()) {
      String url = image.fullSizeUrl() != null ? image.fullSizeUrl() : image.url();
      if (url != null && !url.isBlank()) {
        context.openImage().accept(url);
        return true;
      }
    }
    for (ChatMessageSegment segment : message.segments()) {
      if (segment.type() == SegmentType.LINK && LinkPolicy.isAllowed(segment.linkTarget())) {
        context.openLink().accept(LinkPolicy.normalise(segment.linkTarget()));
        return true;
      }
    }
    return false;
  }
}
