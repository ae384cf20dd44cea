package dev.parley.app.notifications;

import dev.parley.app.I18n;
import dev.parley.app.session.ChatMessage;
import dev.parley.app.session.ConversationSummary;
import dev.parley.app.session.SendState;
import dev.parley.client.ImageAttachment;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether an incoming message deserves a desktop notification, and words it. Pure: the
 * caller passes everything it depends on.
 */
public final class NotificationPolicy {
  /** Longest body, in characters as the user sees them; longer text ends in "…". */
  public static final int MAX_BODY = 200;

  /**
   * What the app is doing when a message arrives.
   *
   * @param openConversationId the conversation shown in the window, or null
   * @param windowFocused the window has the keyboard focus (the user is looking at it)
   * @param thisClientActive this is the user's active client; false when another of their clients
   *     (a phone, another computer) is, which notifies instead
   */
  public record Situation(
      String openConversationId, boolean windowFocused, boolean thisClientActive) {}

  private final I18n text;

  public NotificationPolicy() {
    this(Locale.getDefault());
  }

  public NotificationPolicy(Locale locale) {
    this.text = I18n.of(NotificationPolicy.class, locale);
  }

  /**
   * The notification for {@code message}, or empty when there should be none: notifications are off
   * or in do-not-disturb, the message is the user's own or not yet sent, the conversation is quiet,
   * the user is looking at it, or another of their clients is the active one.
   *
   * @param summary the message's conversation, or null when not known yet (then it counts as a
   *     one-to-one conversation that is not quiet)
   */
  public Optional<Notification> decide(
      ChatMessage message,
      ConversationSummary summary,
      Situation situation,
      NotificationSettings settings,
      Instant now) {
    if (!settings.enabled()
        || settings.doNotDisturbAt(now)
        || message.own()
        || message.state() != SendState.SENT
        || (summary != null && summary.quiet())
        || !situation.thisClientActive()
        || situation.windowFocused()
            && message.conversationId().equals(situation.openConversationId())) {
      return Optional.empty();
    }
    return Optional.of(word(message, summary, settings));
  }

  private Notification word(
      ChatMessage message, ConversationSummary summary, NotificationSettings settings) {
    String id = message.conversationId();
    boolean sound = settings.sound();
    if (settings.privacy() == NotificationPrivacy.NOTHING) {
      return new Notification(id, text.get("newMessage"), "", null, sound);
    }
    String sender = clean(message.sender().fullName(), MAX_BODY);
    String title =
        summary != null && summary.group()
            ? text.get("summary.group", sender, clean(summary.title(), MAX_BODY))
            : sender;
    if (settings.privacy() == NotificationPrivacy.NAME_ONLY) {
      return new Notification(id, title, text.get("newMessage"), null, sound);
    }
    return new Notification(id, title, body(message), null, sound);
  }

  /** What the message says, as one short plain text. */
  String body(ChatMessage message) {
    String words = message.plainText();
    for (ImageAttachment image : message.images()) {
      // Some clients also send the image's URL as the message's text.
      words = words.replace(image.url(), "");
    }
    if (message.meAction()) {
      words = message.sender().firstName() + " " + words;
    }
    String cleaned = clean(words, MAX_BODY);
    if (!cleaned.isEmpty()) {
      return cleaned;
    }
    int photos = message.images().size();
    if (photos == 1) {
      return text.get("sentPhoto");
    }
    if (photos > 1) {
      return text.get("sentPhotos", photos);
    }
    return text.get("newMessage");
  }

  /**
   * {@code raw} fit for a notification: control characters and direction overrides removed, runs of
   * spaces and of blank lines collapsed, trimmed, cut to {@code max} user-perceived characters with
   * "…".
   */
  static String clean(String raw, int max) {
    StringBuilder out = new StringBuilder(Math.min(raw.length(), max * 2 + 8));
    int pendingSpace = 0; // 0 none, 1 space, 2 newline
    for (int i = 0; i < raw.length(); ) {
      int cp = raw.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n' || cp == '\r' || cp == '\u2028' || cp == '\u2029') {
        pendingSpace = 2;
      } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        pendingSpace = Math.max(pendingSpace, 1);
      } else if (Character.getType(cp) == Character.CONTROL || isDirectionControl(cp)) {
        continue;
      } else {
        if (pendingSpace != 0 && out.length() > 0) {
          out.append(pendingSpace == 2 ? '\n' : ' ');
        }
        pendingSpace = 0;
        out.appendCodePoint(cp);
      }
    }
    return truncate(out.toString(), max);
  }

  private static boolean isDirectionControl(int cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x061C;
  }

  private static String truncate(String s, int max) {
    int keep = s.length(); // where max - 1 characters end
    int count = 0;
    for (int i = 0; i < s.length(); ) {
      i = nextCharacter(s, i);
      count++;
      if (count == max - 1) {
        keep = i;
      }
      if (count > max) {
        return s.substring(0, keep).stripTrailing() + "…";
      }
    }
    return s;
  }

  /**
   * Where the user-perceived character starting at {@code i} ends: a code point with the marks,
   * variation selectors, skin tones and tags that follow it, joined emoji ({@code U+200D}), and
   * flag pairs. (Java 17's {@link java.text.BreakIterator} splits joined emoji.)
   */
  static int nextCharacter(String s, int i) {
    int first = s.codePointAt(i);
    i += Character.charCount(first);
    if (isRegionalIndicator(first) && i < s.length() && isRegionalIndicator(s.codePointAt(i))) {
      return i + Character.charCount(s.codePointAt(i));
    }
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (cp == 0x200D && i + 1 < s.length()) {
        i += 1;
        i += Character.charCount(s.codePointAt(i));
      } else if (isExtender(cp)) {
        i += Character.charCount(cp);
      } else {
        break;
      }
    }
    return i;
  }

  private static boolean isExtender(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || (cp >= 0xFE00 && cp <= 0xFE0F)
        || (cp >= 0x1F3FB && cp <= 0x1F3FF)
        || (cp >= 0xE0020 && cp <= 0xE007F);
  }

  private static boolean isRegionalIndicator(int cp) {
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
  }
}
