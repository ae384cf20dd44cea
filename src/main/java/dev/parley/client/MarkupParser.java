package dev.parley.client;

import dev.parley.client.MarkupTokens.Alternative;
import dev.parley.client.MarkupTokens.Kind;
import dev.parley.client.MarkupTokens.Output;
import dev.parley.client.MarkupTokens.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * hangups' message parser: its tokens ({@link MarkupTokens}) driven by reparser 1.4's loop.
 *
 * <p>The text is scanned with one compound expression of all tokens, in priority order. A stack
 * holds the open marks; text takes the union of their formatting. While a quoting mark ({@code
 * `code`}, {@code <pre>}) is on top, every match but its own end is ignored. An end mark closes the
 * most recent open mark of its kind, even under others; an end mark with nothing to close is
 * ignored.
 *
 * <p>Hostile input: backtracking expressions like hangups' stay quadratic on some texts ({@code
 * a.a.a.a…}, {@code <a href='x'>} repeated), and java.util.regex recurses once per domain label.
 * The matcher therefore reads the text through a counter that stops it after 2,000 character reads
 * per input character (normal text needs 5 to 50), and a stack overflow inside the matcher (a
 * domain of some hundred labels) is caught. Either way the message falls back to plain text split
 * at line breaks, with the usual space and backslash handling; nothing else differs from hangups.
 */
final class MarkupParser {
  private static final List<Alternative> ALTERNATIVES = MarkupTokens.ALTERNATIVES;

  /**
   * {@code SUFFIXES[j]}: the alternatives from j on, joined with {@code |}, behind {@link
   * MarkupTokens#CANDIDATE}; compiled when first needed.
   */
  private static final AtomicReferenceArray<Pattern> SUFFIXES =
      new AtomicReferenceArray<>(ALTERNATIVES.size());

  private static final Pattern UNESCAPE = Pattern.compile("\\\\([*_~=`\\[])");
  private static final Pattern URL_SCHEME =
      Pattern.compile("^[a-z][\\p{L}\\p{N}_\\-]+:/{1,3}", MarkupTokens.FLAGS);

  private static final long READS_PER_CHAR = 2_000;
  private static final long BASE_READS = 1_000_000;
  private static final int UNKNOWN = -2;

  private final String text;
  private final CountingText counted;
  private final Matcher[] matchers = new Matcher[ALTERNATIVES.size()];
  private final Matcher[] fullMatchers = new Matcher[ALTERNATIVES.size()];

  /** Per alternative: see {@link #lastMatchOfMustFollow}; UNKNOWN until needed. */
  private final int[] lastMatch = new int[ALTERNATIVES.size()];

  private final NextIndex linkMiddle;
  private final NextIndex closingParenthesis;

  private MarkupParser(String text) {
    this.text = text;
    this.counted = new CountingText(text, READS_PER_CHAR * text.length() + BASE_READS);
    this.linkMiddle = new NextIndex(text, "](");
    this.closingParenthesis = new NextIndex(text, ")");
    Arrays.fill(lastMatch, UNKNOWN);
  }

  /** Parses {@code input} into segments exactly as hangups 0.4.18 does (see class comment). */
  static List<ChatMessageSegment> parse(String input) {
    // Like the Hangouts web client: keep runs of spaces with no-break spaces.
    String text = input.replace("  ", " \u00a0");
    try {
      return new MarkupParser(text).run();
    } catch (CountingText.BudgetExceeded | StackOverflowError e) {
      return plainText(text);
    }
  }

  private List<ChatMessageSegment> run() {
    List<ChatMessageSegment> out = new ArrayList<>();
    OpenMarks open = new OpenMarks();
    int last = 0;
    for (Hit hit = next(0); hit != null; hit = next(hit.end)) {
      Token token = hit.alternative.token();
      Kind kind = hit.alternative.kind();
      Token top = open.top();
      if (top != null && top.skip() && !(top == token && kind == Kind.END)) {
        continue;
      }
      int formatting = open.formatting();
      if (kind == Kind.END && !open.closeLast(token)) {
        continue;
      }
      if (hit.start > last) {
        out.add(textSegment(text.substring(last, hit.start), formatting));
      }
      if (kind == Kind.START) {
        open.push(token);
      } else if (kind == Kind.SINGLE) {
        out.add(single(hit, formatting));
      }
      last = hit.end;
    }
    if (last < text.length()) {
      out.add(textSegment(text.substring(last), open.formatting()));
    }
    return out;
  }

  /** The first match at or after {@code from}, trying alternatives in priority order. */
  private Hit next(int from) {
    Matcher compound = matcher(0);
    while (from <= text.length() && compound.find(from)) {
      int position = compound.start();
      Matcher m = compound;
      int alternative = matchedAlternative(m, 0);
      Hit hit = resolve(alternative, m);
      while (hit == null && alternative + 1 < ALTERNATIVES.size()) {
        // What hangups' expression would do: go on with the following alternatives here.
        m = matcher(alternative + 1);
        m.region(position, text.length());
        if (!m.lookingAt()) {
          break;
        }
        alternative = matchedAlternative(m, alternative + 1);
        hit = resolve(alternative, m);
      }
      if (hit != null) {
        return hit;
      }
      from = position + 1;
    }
    return null;
  }

  /** The hit for what {@code m} matched, or null if hangups' full expression would not match. */
  private Hit resolve(int alternative, Matcher m) {
    Alternative a = ALTERNATIVES.get(alternative);
    Token token = a.token();
    if (a.kind() == Kind.START) {
      // hangups' start marks end in (?=.+END): an end mark one character or more further on.
      boolean closes = lastMatchOfMustFollow(alternative) >= m.end() + 1;
      return closes ? new Hit(a, m.start(), m.end(), null, null) : null;
    }
    if (token.output() == Output.MARKDOWN_LINK) {
      return markdownLink(a, m.start());
    }
    if (token.full() != null) {
      if (lastMatchOfMustFollow(alternative) < m.start()) {
        return null;
      }
      m = fullMatcher(alternative, m.start());
      if (!m.lookingAt()) {
        return null;
      }
    }
    if (token.output() == Output.LINK) {
      return new Hit(
          a, m.start(), m.end(), group(m, token.textGroup()), group(m, token.urlGroup()));
    }
    return new Hit(a, m.start(), m.end(), null, null);
  }

  /**
   * Where the token's {@code mustFollow} pattern last matches in the text, -1 if nowhere. Whether a
   * match follows a position depends only on this.
   */
  private int lastMatchOfMustFollow(int alternative) {
    if (lastMatch[alternative] == UNKNOWN) {
      Matcher m = ALTERNATIVES.get(alternative).token().mustFollow().matcher(counted);
      int last = -1;
      for (int from = 0; from <= text.length() && m.find(from); from = last + 1) {
        last = m.start();
      }
      lastMatch[alternative] = last;
    }
    return lastMatch[alternative];
  }

  /**
   * {@code [text](url)} at {@code open}, as {@code \[(.+?)\]\((.+?)\)} would match it: the first
   * {@code ](} after a non-empty text that has a {@code )} after a non-empty URL.
   */
  private Hit markdownLink(Alternative a, int open) {
    int middle = linkMiddle.from(open + 2);
    if (middle < 0) {
      return null;
    }
    int close = closingParenthesis.from(middle + 3);
    if (close < 0) {
      return null; // no later "](" has a ")" after it either
    }
    return new Hit(
        a, open, close + 1, text.substring(open + 1, middle), text.substring(middle + 2, close));
  }

  private static int matchedAlternative(Matcher m, int first) {
    for (int i = first; i < ALTERNATIVES.size(); i++) {
      if (m.start(ALTERNATIVES.get(i).group()) >= 0) {
        return i;
      }
    }
    throw new IllegalStateException("no alternative matched");
  }

  private Matcher matcher(int firstAlternative) {
    Matcher m = matchers[firstAlternative];
    if (m == null) {
      m = suffix(firstAlternative).matcher(counted);
      // Look-behinds see the text before a region, and ^ means the start of the text only.
      m.useTransparentBounds(true).useAnchoringBounds(false);
      matchers[firstAlternative] = m;
    }
    return m;
  }

  /** The whole pattern of an HTML link or image, set to match from {@code start}. */
  private Matcher fullMatcher(int alternative, int start) {
    Matcher m = fullMatchers[alternative];
    if (m == null) {
      m = ALTERNATIVES.get(alternative).token().full().matcher(counted);
      m.useTransparentBounds(true).useAnchoringBounds(false);
      fullMatchers[alternative] = m;
    }
    return m.region(start, text.length());
  }

  private String group(Matcher m, String name) {
    return text.substring(m.start(name), m.end(name));
  }

  private static ChatMessageSegment single(Hit hit, int formatting) {
    if (hit.alternative.token().output() == Output.LINE_BREAK) {
      return format(ChatMessageSegment.builder("\n").type(SegmentType.LINE_BREAK), formatting);
    }
    return format(
        ChatMessageSegment.builder(hit.text).linkTarget(urlComplete(hit.url)), formatting);
  }

  /** hangups' {@code url_complete}: prefix {@code http://} unless there is a scheme and a slash. */
  static String urlComplete(String url) {
    return URL_SCHEME.matcher(url).find() ? url : "http://" + url;
  }

  private static ChatMessageSegment textSegment(String text, int formatting) {
    return format(ChatMessageSegment.builder(unescape(text)), formatting);
  }

  /**
   * Drops the backslash of {@code \*}, {@code \_}, {@code \~}, {@code \=}, {@code \`}, {@code \[}.
   */
  private static String unescape(String text) {
    return text.indexOf('\\') < 0 ? text : UNESCAPE.matcher(text).replaceAll("$1");
  }

  private static ChatMessageSegment format(ChatMessageSegment.Builder b, int formatting) {
    return b.bold((formatting & MarkupTokens.BOLD) != 0)
        .italic((formatting & MarkupTokens.ITALIC) != 0)
        .strikethrough((formatting & MarkupTokens.STRIKETHROUGH) != 0)
        .underline((formatting & MarkupTokens.UNDERLINE) != 0)
        .build();
  }

  /** The fallback for hostile input: unformatted text, split at {@code \n} and {@code \r\n}. */
  private static List<ChatMessageSegment> plainText(String text) {
    List<ChatMessageSegment> out = new ArrayList<>();
    int last = 0;
    for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', last)) {
      int end = nl > last && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
      if (end > last) {
        out.add(textSegment(text.substring(last, end), 0));
      }
      out.add(ChatMessageSegment.lineBreak());
      last = nl + 1;
    }
    if (last < text.length()) {
      out.add(textSegment(text.substring(last), 0));
    }
    return out;
  }

  private static Pattern suffix(int first) {
    Pattern pattern = SUFFIXES.get(first);
    if (pattern == null) {
      StringBuilder sb = new StringBuilder(MarkupTokens.CANDIDATE).append("(?:");
      String separator = "";
      for (Alternative a : ALTERNATIVES.subList(first, ALTERNATIVES.size())) {
        sb.append(separator).append("(?<").append(a.group()).append('>').append(a.regex());
        sb.append(')');
        separator = "|";
      }
      pattern = Pattern.compile(sb.append(')').toString(), MarkupTokens.FLAGS);
      SUFFIXES.compareAndSet(first, null, pattern);
    }
    return pattern;
  }

  /** A match: which alternative, where, and for links their text and URL. */
  private record Hit(Alternative alternative, int start, int end, String text, String url) {}

  /** {@link String#indexOf} for calls with rising start indexes, in linear time overall. */
  private static final class NextIndex {
    private final String text;
    private final String needle;
    private int searchedFrom = Integer.MAX_VALUE;
    private int found;

    NextIndex(String text, String needle) {
      this.text = text;
      this.needle = needle;
    }

    int from(int from) {
      if (from < searchedFrom || (found >= 0 && found < from)) {
        found = text.indexOf(needle, from);
        searchedFrom = from;
      }
      return found;
    }
  }

  /** The stack of open marks, with the union of their formatting kept up to date. */
  private static final class OpenMarks {
    private final List<Token> stack = new ArrayList<>();
    private final int[] countByToken = new int[ALTERNATIVES.size()];
    private final int[] countByFlag = new int[4];

    Token top() {
      return stack.isEmpty() ? null : stack.get(stack.size() - 1);
    }

    void push(Token token) {
      stack.add(token);
      count(token, 1);
    }

    /** Removes the most recent occurrence of {@code token}; false if it is not open. */
    boolean closeLast(Token token) {
      if (countByToken[token.id()] == 0) {
        return false;
      }
      int i = stack.lastIndexOf(token);
      stack.remove(i);
      count(token, -1);
      return true;
    }

    int formatting() {
      int formatting = 0;
      for (int flag = 0; flag < countByFlag.length; flag++) {
        if (countByFlag[flag] > 0) {
          formatting |= 1 << flag;
        }
      }
      return formatting;
    }

    private void count(Token token, int delta) {
      countByToken[token.id()] += delta;
      for (int flag = 0; flag < countByFlag.length; flag++) {
        if ((token.formatting() & (1 << flag)) != 0) {
          countByFlag[flag] += delta;
        }
      }
    }
  }
}
