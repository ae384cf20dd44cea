package dev.parley.app.conversation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Which link targets a message may turn into a clickable link: only {@code http}, {@code https} and
 * {@code mailto}, compared case-insensitively after trimming. Everything else ({@code javascript:},
 * {@code file:}, {@code data:}, relative URLs, targets with control characters anywhere) stays
 * plain text. Pure and stateless.
 */
public final class LinkPolicy {
  private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

  private LinkPolicy() {}

  /** Whether {@code target} may be shown as a link and handed to the system browser. */
  public static boolean isAllowed(String target) {
    String t = normalise(target);
    if (t == null || t.isEmpty()) {
      return false;
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      // Browsers drop tabs and new lines inside URLs ("java\tscript:"); refuse them outright.
      if (Character.isISOControl(c) || Character.isWhitespace(c) || isInvisible(c)) {
        return false;
      }
    }
    int colon = t.indexOf(':');
    if (colon <= 0) {
      return false; // relative, or no scheme at all
    }
    String scheme = t.substring(0, colon);
    if (!scheme.matches("[A-Za-z][A-Za-z0-9+.-]*")) {
      return false;
    }
    scheme = scheme.toLowerCase(Locale.ROOT);
    if (!SCHEMES.contains(scheme)) {
      return false;
    }
    if (scheme.equals("mailto")) {
      return t.length() > colon + 1;
    }
    try {
      URI uri = new URI(t);
      return uri.getHost() != null && !uri.getHost().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** The target as it is handed to the browser: trimmed of whitespace and control characters. */
  public static String normalise(String target) {
    if (target == null) {
      return null;
    }
    int start = 0;
    int end = target.length();
    while (start < end && isTrimmable(target.charAt(start))) {
      start++;
    }
    while (end > start && isTrimmable(target.charAt(end - 1))) {
      end--;
    }
    return target.substring(start, end);
  }

  private static boolean isTrimmable(char c) {
    return c <= ' ' || Character.isWhitespace(c) || Character.isISOControl(c) || isInvisible(c);
  }

  private static boolean isInvisible(char c) {
    int type = Character.getType(c);
    return type == Character.FORMAT || c == '\u00a0';
  }
}
