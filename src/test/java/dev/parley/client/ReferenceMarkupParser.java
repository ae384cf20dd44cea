package dev.parley.client;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test oracle: hangups' message_parser.py and reparser 1.4 translated literally, with all of
 * hangups' look-aheads in one compound expression and none of {@link MarkupParser}'s shortcuts. It
 * is slow (quadratic) and only fit for short texts.
 */
final class ReferenceMarkupParser {
  private static final String SPACE = "\\p{IsWhite_Space}\\x1c-\\x1f";
  private static final String WORD = "\\p{L}\\p{N}_";
  private static final String B =
      "(?:(?<=[" + WORD + "])(?![" + WORD + "])|(?<![" + WORD + "])(?=[" + WORD + "]))";
  private static final String BOUNDARY =
      SPACE + "`!()\\[\\]{};:'\".,<>?\u00ab\u00bb\u201c\u201d\u2018\u2019*_~=";
  private static final String B_LEFT = "(?:(?<=[" + BOUNDARY + "])|(?<=^))";
  private static final String B_RIGHT = "(?:(?=[" + BOUNDARY + "])|(?=$))";
  private static final String S = "[" + SPACE + "]";
  private static final String NS = "[^" + SPACE + "]";
  private static final String D = "\\p{Nd}";
  private static final String AUTO_LINK =
      B
          + "((?:(?:https?://|(?<!@)[a-zA-Z0-9\\-]{1,63}\\.|(?="
          + NS
          + "+/))"
          + "(?:[a-zA-Z0-9\\-]{1,63}\\.)+[a-zA-Z\\-]{2,63}"
          + "|(?:https?://|(?=["
          + D
          + ".]+/))"
          + D
          + "{1,3}(?:\\."
          + D
          + "{1,3}){3})"
          + "(?::"
          + D
          + "+)?"
          + B
          + "(?!@)"
          + "(?:/(?:\\([^"
          + SPACE
          + "/()]*\\([^"
          + SPACE
          + "/()]+\\)[^"
          + SPACE
          + "/()]*\\)"
          + "|\\([^"
          + SPACE
          + "/()]+\\)"
          + "|[^"
          + SPACE
          + "/(){};:!<>\u00ab\u00bb\u201c\u201d\"'\u2018\u2019`\u00b4]*)*)*)";

  private record Token(String name, int formatting, boolean skip, boolean pair, int kind) {}

  private static final List<Token> TOKENS = new ArrayList<>();
  private static final List<String> PATTERNS = new ArrayList<>();
  private static final Pattern COMPOUND;

  static {
    markdown("mdbi1", "\\*\\*\\*", 3, false);
    markdown("mdbi2", "___", 3, false);
    markdown("mdb1", "\\*\\*", 1, false);
    markdown("mdb2", "__", 1, false);
    markdown("mdi1", "\\*", 2, false);
    markdown("mdi2", "_", 2, false);
    markdown("mdpre3", "```", 0, true);
    markdown("mdpre2", "``", 0, true);
    markdown("mdpre1", "`", 0, true);
    markdown("mds", "~~", 4, false);
    markdown("mdu", "==", 8, false);
    single("mdlink", "(?<!\\\\)\\[(?<mdlinkText>.+?)\\]\\((?<mdlinkUrl>.+?)\\)", 1);
    String[][] html = {
      {"b", "1"},
      {"strong", "1"},
      {"i", "2"},
      {"em", "2"},
      {"s", "4"},
      {"strike", "4"},
      {"del", "4"},
      {"u", "8"},
      {"ins", "8"},
      {"mark", "8"},
      {"pre", "0"}
    };
    for (String[] tag : html) {
      String end = "</" + tag[0] + ">";
      pair(
          "html" + tag[0],
          "<" + tag[0] + ">(?=.+" + end + ")",
          end,
          Integer.parseInt(tag[1]),
          tag[0].equals("pre"));
    }
    single(
        "htmllink",
        "<a" + S + "+href=['\"](?<htmllinkUrl>.+?)['\"]" + S + "*>(?<htmllinkText>.+?)</a>",
        1);
    single("htmlimg", "<img" + S + "+src=['\"](?<htmlimgUrl>.+?)['\"]" + S + "*/?>", 2);
    single("htmlbr", "<br" + S + "*/?>", 3);
    single("link", AUTO_LINK, 4);
    single("br", "\\n|\\r\\n", 3);
    COMPOUND =
        Pattern.compile(
            String.join("|", PATTERNS),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL | Pattern.UNIX_LINES);
  }

  private ReferenceMarkupParser() {}

  private static void markdown(String name, String tag, int formatting, boolean skip) {
    String end = "(?<![" + SPACE + "\\\\])" + tag + B_RIGHT;
    String start = B_LEFT + "(?<!\\\\)" + tag + "(?!" + S + ")(?!" + tag + ")(?=.+" + end + ")";
    pair(name, start, end, formatting, skip);
  }

  private static void pair(String name, String start, String end, int formatting, boolean skip) {
    TOKENS.add(new Token(name, formatting, skip, true, 0));
    PATTERNS.add("(?<" + name + "Start>" + start + ")");
    PATTERNS.add("(?<" + name + "End>" + end + ")");
  }

  /** kind: 1 text/url groups, 2 url group for both, 3 line break, 4 whole match for both. */
  private static void single(String name, String regex, int kind) {
    TOKENS.add(new Token(name, 0, false, false, kind));
    PATTERNS.add("(?<" + name + "Start>" + regex + ")");
  }

  static List<ChatMessageSegment> parse(String input) {
    String text = input.replace("  ", " \u00a0");
    List<ChatMessageSegment> out = new ArrayList<>();
    List<Token> stack = new ArrayList<>();
    int last = 0;
    Matcher m = COMPOUND.matcher(text);
    while (m.find()) {
      Token token = null;
      boolean end = false;
      for (Token t : TOKENS) {
        if (m.start(t.name() + "Start") >= 0) {
          token = t;
          break;
        }
        if (t.pair() && m.start(t.name() + "End") >= 0) {
          token = t;
          end = true;
          break;
        }
      }
      Token top = stack.isEmpty() ? null : stack.get(stack.size() - 1);
      if (top != null && top.skip() && !(top == token && end)) {
        continue;
      }
      int formatting = formatting(stack);
      if (end) {
        int open = stack.lastIndexOf(token);
        if (open < 0) {
          continue;
        }
        stack.remove(open);
      }
      if (m.start() > last) {
        out.add(
            format(
                ChatMessageSegment.builder(unescape(text.substring(last, m.start()))), formatting));
      }
      if (!token.pair()) {
        out.add(single(token, m, formatting));
      } else if (!end) {
        stack.add(token);
      }
      last = m.end();
    }
    if (last < text.length()) {
      out.add(
          format(ChatMessageSegment.builder(unescape(text.substring(last))), formatting(stack)));
    }
    return out;
  }

  private static ChatMessageSegment single(Token token, Matcher m, int formatting) {
    String n = token.name();
    switch (token.kind()) {
      case 1:
        return link(m.group(n + "Text"), m.group(n + "Url"), formatting);
      case 2:
        return link(m.group(n + "Url"), m.group(n + "Url"), formatting);
      case 4:
        return link(m.group(), m.group(), formatting);
      default:
        return format(ChatMessageSegment.builder("\n").type(SegmentType.LINE_BREAK), formatting);
    }
  }

  private static ChatMessageSegment link(String text, String url, int formatting) {
    boolean scheme =
        Pattern.compile(
                "^[a-z][\\p{L}\\p{N}_\\-]+:/{1,3}", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
            .matcher(url)
            .find();
    return format(
        ChatMessageSegment.builder(text).linkTarget(scheme ? url : "http://" + url), formatting);
  }

  private static String unescape(String text) {
    return text.replaceAll("\\\\([*_~=`\\[])", "$1");
  }

  private static int formatting(List<Token> stack) {
    int formatting = 0;
    for (Token t : stack) {
      formatting |= t.formatting();
    }
    return formatting;
  }

  private static ChatMessageSegment format(ChatMessageSegment.Builder b, int formatting) {
    return b.bold((formatting & 1) != 0)
        .italic((formatting & 2) != 0)
        .strikethrough((formatting & 4) != 0)
        .underline((formatting & 8) != 0)
        .build();
  }
}
