package dev.parley.client;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * hangups' markup tokens (message_parser.py, on reparser 1.4), translated to java.util.regex.
 *
 * <p>Python's Unicode classes are spelled out so results do not depend on the JDK's notion of
 * {@code \s}, {@code \w} or {@code \b}: Python's {@code \s} is Unicode White_Space plus U+001C to
 * U+001F, its {@code \w} is letters, numbers and {@code _}, its {@code \d} is {@code Nd}, and its
 * {@code $} also matches before a final {@code \n} (hence {@link Pattern#UNIX_LINES}). Because the
 * HTML patterns carry an inline {@code (?i)}, which Python before 3.11 applies to the whole
 * compound expression, every pattern here is case-insensitive.
 *
 * <p>Changes that keep every result but avoid quadratic time or deep recursion on long texts: a
 * start mark's look-ahead {@code (?=.+END)} is left out and checked by {@link MarkupParser} against
 * the last position where END matches; the Markdown link is only its {@code [} here and {@link
 * MarkupParser} finds the rest; HTML links and images are only their opening here and are tried in
 * full where their closing part occurs later; the auto-link's slash look-aheads come after the
 * cheaper host look-ahead, and its path repeats possessively. Each is explained where it is made.
 */
final class MarkupTokens {
  static final int FLAGS =
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL | Pattern.UNIX_LINES;

  static final int BOLD = 1;
  static final int ITALIC = 2;
  static final int STRIKETHROUGH = 4;
  static final int UNDERLINE = 8;

  /** Python's {@code \s}, for use inside a character class. */
  private static final String SPACE = "\\p{IsWhite_Space}\\x1c-\\x1f";

  /** Python's {@code \w}, for use inside a character class. */
  private static final String WORD = "\\p{L}\\p{N}_";

  /** Python's {@code \b}. */
  private static final String WORD_BOUNDARY =
      "(?:(?<=[" + WORD + "])(?![" + WORD + "])|(?<![" + WORD + "])(?=[" + WORD + "]))";

  private static final String BOUNDARY_CHARS =
      SPACE + "`!()\\[\\]{};:'\".,<>?\u00ab\u00bb\u201c\u201d\u2018\u2019*_~=";
  private static final String B_LEFT = "(?:(?<=[" + BOUNDARY_CHARS + "])|(?<=^))";
  private static final String B_RIGHT = "(?:(?=[" + BOUNDARY_CHARS + "])|(?=$))";

  private static final String LABEL = "[a-zA-Z0-9\\-]{1,63}\\.";
  private static final String DOMAIN = "(?:" + LABEL + ")+[a-zA-Z\\-]{2,63}";
  private static final String IPV4 = "\\p{Nd}{1,3}(?:\\.\\p{Nd}{1,3}){3}";

  /**
   * hangups' {@code (?=\S+/)}: a slash follows in the same word. Here it comes after a look-ahead
   * for the domain that must follow anyway, so that the scan for a slash only happens where a
   * domain starts; with a domain character at the current position, {@code [^\s/]*+/} then says the
   * same as {@code \S+/}. Likewise for {@code (?=[\d.]+/)} before an IPv4 address.
   */
  private static final String DOMAIN_BEFORE_SLASH = "(?=" + DOMAIN + ")(?=[^" + SPACE + "/]*+/)";

  private static final String IPV4_BEFORE_SLASH = "(?=" + IPV4 + ")(?=[\\p{Nd}.]+/)";

  private static final String HOST =
      "(?:(?:https?://|(?<!@)"
          + LABEL
          + "|"
          + DOMAIN_BEFORE_SLASH
          + ")"
          + DOMAIN
          + "|(?:https?://|"
          + IPV4_BEFORE_SLASH
          + ")"
          + IPV4
          + ")";

  /** hangups' {@code [^\s/()]}. */
  private static final String NO_PAREN = "[^" + SPACE + "/()]";

  /** One step of a path: balanced parentheses (nested once at most) or other URL characters. */
  private static final String PATH_STEP =
      "(?:\\("
          + NO_PAREN
          + "*\\("
          + NO_PAREN
          + "+\\)"
          + NO_PAREN
          + "*\\)"
          + "|\\("
          + NO_PAREN
          + "+\\)"
          + "|[^"
          + SPACE
          + "/(){};:!<>\u00ab\u00bb\u201c\u201d\"'\u2018\u2019`\u00b4]*)";

  /**
   * A URL as hangups recognises it in running text (its {@code auto_link}). The path's repetitions
   * are possessive: nothing after them can fail, so no match changes, but java.util.regex then
   * repeats them in a loop instead of one nested call per repetition.
   */
  private static final String AUTO_LINK =
      WORD_BOUNDARY + HOST + "(?::\\p{Nd}+)?" + WORD_BOUNDARY + "(?!@)(?:/" + PATH_STEP + "*+)*+";

  /**
   * A look-ahead that every match passes: each alternative starts with a mark character, a line
   * break, or a word boundary before a URL character. It spares the engine from trying all
   * alternatives at positions inside words.
   */
  static final String CANDIDATE =
      "(?=[*_`~=\\[<\\n\\r]|" + WORD_BOUNDARY + "[a-zA-Z0-9\\-\\p{Nd}])";

  /** What a match of a token's pattern means. */
  enum Kind {
    START,
    END,
    SINGLE
  }

  /** What a single token becomes. */
  enum Output {
    /** Nothing of its own: the token is a pair of marks. */
    MARKS,
    /** A link whose text and target come from groups of the match. */
    LINK,
    /** A Markdown link {@code [text](url)}, found by {@link MarkupParser} itself. */
    MARKDOWN_LINK,
    /** A line break. */
    LINE_BREAK
  }

  /**
   * A token: a pair of start and end marks that format (or, if {@code skip}, quote) what lies
   * between them, or a single pattern that becomes a segment of its own.
   *
   * @param id the index of this token's first alternative in {@link #ALTERNATIVES}
   * @param formatting {@link #BOLD} etc. for marks, 0 otherwise
   * @param mustFollow for marks, the end mark: a start mark counts only where the end mark matches
   *     at least one character after it (hangups' {@code (?=.+END)}); for HTML links and images, a
   *     pattern that must match at or after the opening for the whole to match; otherwise null
   * @param full for HTML links and images, the whole pattern: the compound expression has only its
   *     opening, and the whole is tried where {@code mustFollow} holds; otherwise null
   * @param textGroup for {@link Output#LINK}: the group giving the text
   * @param urlGroup for {@link Output#LINK}: the group giving the link target
   */
  record Token(
      String name,
      int id,
      Output output,
      int formatting,
      boolean skip,
      Pattern mustFollow,
      Pattern full,
      String textGroup,
      String urlGroup) {}

  /** One branch of the compound expression: a token's start, end or single pattern. */
  record Alternative(Token token, Kind kind, String group, String regex) {}

  /** All branches in hangups' priority order: Markdown, then HTML, then auto-links and newlines. */
  static final List<Alternative> ALTERNATIVES = build();

  private MarkupTokens() {}

  private static List<Alternative> build() {
    List<Alternative> a = new ArrayList<>();
    markdown(a, "mdbi1", "\\*\\*\\*", BOLD | ITALIC, false);
    markdown(a, "mdbi2", "___", BOLD | ITALIC, false);
    markdown(a, "mdb1", "\\*\\*", BOLD, false);
    markdown(a, "mdb2", "__", BOLD, false);
    markdown(a, "mdi1", "\\*", ITALIC, false);
    markdown(a, "mdi2", "_", ITALIC, false);
    markdown(a, "mdpre3", "```", 0, true);
    markdown(a, "mdpre2", "``", 0, true);
    markdown(a, "mdpre1", "`", 0, true);
    markdown(a, "mds", "~~", STRIKETHROUGH, false);
    markdown(a, "mdu", "==", UNDERLINE, false);
    // hangups: (?<!\\)\[(?P<link>.+?)\]\((?P<url>.+?)\). Lazy groups over the rest of the text
    // are quadratic, so only the opening bracket is matched here and the parser finds the rest.
    single(a, "mdlink", Output.MARKDOWN_LINK, "(?<!\\\\)\\[", null, null);
    html(a, "htmlb1", "b", BOLD, false);
    html(a, "htmlb2", "strong", BOLD, false);
    html(a, "htmli1", "i", ITALIC, false);
    html(a, "htmli2", "em", ITALIC, false);
    html(a, "htmls1", "s", STRIKETHROUGH, false);
    html(a, "htmls2", "strike", STRIKETHROUGH, false);
    html(a, "htmls3", "del", STRIKETHROUGH, false);
    html(a, "htmlu1", "u", UNDERLINE, false);
    html(a, "htmlu2", "ins", UNDERLINE, false);
    html(a, "htmlu3", "mark", UNDERLINE, false);
    html(a, "htmlpre", "pre", 0, true);
    // Like the Markdown link, these two would rescan the rest of the text at every opening that
    // never closes, so they are tried in full only where their closing part occurs later.
    String space = "[" + SPACE + "]";
    String quote = "['\"]";
    String linkOpening = "<a" + space + "+href=" + quote;
    htmlSingle(
        a,
        "htmllink",
        linkOpening,
        linkOpening + "(?<htmllinkUrl>.+?)" + quote + space + "*>(?<htmllinkText>.+?)</a>",
        "</a>",
        "htmllinkText");
    String imageOpening = "<img" + space + "+src=" + quote;
    htmlSingle(
        a,
        "htmlimg",
        imageOpening,
        imageOpening + "(?<htmlimgUrl>.+?)" + quote + space + "*/?>",
        quote + space + "*/?>",
        "htmlimgUrl");
    single(a, "htmlbr", Output.LINE_BREAK, "<br" + space + "*/?>", null, null);
    single(a, "link", Output.LINK, AUTO_LINK, "linkStart", "linkStart");
    single(a, "br", Output.LINE_BREAK, "\\n|\\r\\n", null, null);
    return List.copyOf(a);
  }

  private static void markdown(
      List<Alternative> a, String name, String tag, int formatting, boolean skip) {
    String end = "(?<![" + SPACE + "\\\\])" + tag + B_RIGHT;
    String start = B_LEFT + "(?<!\\\\)" + tag + "(?![" + SPACE + "])(?!" + tag + ")";
    pair(a, name, start, end, formatting, skip);
  }

  private static void html(
      List<Alternative> a, String name, String tag, int formatting, boolean skip) {
    pair(a, name, "<" + tag + ">", "</" + tag + ">", formatting, skip);
  }

  private static void pair(
      List<Alternative> a, String name, String start, String end, int formatting, boolean skip) {
    Token token =
        new Token(
            name,
            a.size(),
            Output.MARKS,
            formatting,
            skip,
            Pattern.compile(end, FLAGS),
            null,
            null,
            null);
    a.add(new Alternative(token, Kind.START, name + "Start", start));
    a.add(new Alternative(token, Kind.END, name + "End", end));
  }

  /** A single token matched by the compound expression; its whole match is group name+"Start". */
  private static void single(
      List<Alternative> a,
      String name,
      Output output,
      String regex,
      String textGroup,
      String urlGroup) {
    Token token = new Token(name, a.size(), output, 0, false, null, null, textGroup, urlGroup);
    a.add(new Alternative(token, Kind.SINGLE, name + "Start", regex));
  }

  /** An HTML link or image: the compound has its opening, the parser tries the whole. */
  private static void htmlSingle(
      List<Alternative> a,
      String name,
      String opening,
      String whole,
      String mustFollow,
      String textGroup) {
    Token token =
        new Token(
            name,
            a.size(),
            Output.LINK,
            0,
            false,
            Pattern.compile(mustFollow, FLAGS),
            Pattern.compile(whole, FLAGS),
            textGroup,
            name + "Url");
    a.add(new Alternative(token, Kind.SINGLE, name + "Start", opening));
  }
}
