package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.parley.proto.Hangouts;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChatMessageSegmentTest {
  private static final ChatMessageSegment LB = ChatMessageSegment.lineBreak();

  private static List<ChatMessageSegment> parse(String text) {
    return ChatMessageSegment.fromString(text);
  }

  private static ChatMessageSegment text(String text) {
    return ChatMessageSegment.text(text);
  }

  private static ChatMessageSegment bold(String text) {
    return text(text).withBold(true);
  }

  private static ChatMessageSegment italic(String text) {
    return text(text).withItalic(true);
  }

  private static ChatMessageSegment link(String text, String target) {
    return ChatMessageSegment.link(text, target);
  }

  private static ChatMessageSegment link(String url) {
    return link(url, url);
  }

  /** The test vectors of PROTOCOL.md section 9, one test each. */
  @Nested
  class ProtocolVectors {
    @Test
    void lfAndCrLfBecomeLineBreaks() {
      assertThat(parse("line1\nline2\r\nline3"))
          .containsExactly(text("line1"), LB, text("line2"), LB, text("line3"));
    }

    @Test
    void schemesBareSubdomainsDomainsWithPathAndIpv4WithPathBecomeLinks() {
      assertThat(
              parse(
                  "http://domain.tld\nhttps://domain.tld\nsub.domain.tld\ndomain.tld/\n1.1.1.1/\n"))
          .containsExactly(
              link("http://domain.tld"),
              LB,
              link("https://domain.tld"),
              LB,
              link("sub.domain.tld", "http://sub.domain.tld"),
              LB,
              link("domain.tld/", "http://domain.tld/"),
              LB,
              link("1.1.1.1/", "http://1.1.1.1/"),
              LB);
    }

    @Test
    void linksKeepTheirPorts() {
      assertThat(
              parse(
                  "http://domain.tld:8080\nhttps://domain.tld:8080\nsub.domain.tld:8080\n"
                      + "domain.tld:8080/\n"))
          .containsExactly(
              link("http://domain.tld:8080"),
              LB,
              link("https://domain.tld:8080"),
              LB,
              link("sub.domain.tld:8080", "http://sub.domain.tld:8080"),
              LB,
              link("domain.tld:8080/", "http://domain.tld:8080/"),
              LB);
    }

    @Test
    void parenthesesAroundALinkStayOutsideIt() {
      assertThat(parse("pre (https://domain.tld) post"))
          .containsExactly(text("pre ("), link("https://domain.tld"), text(") post"));
    }

    @Test
    void nestedParenthesesAroundALinkStayOutsideIt() {
      assertThat(parse("pre (inner (https://domain.tld) inner) post"))
          .containsExactly(text("pre (inner ("), link("https://domain.tld"), text(") inner) post"));
    }

    @Test
    void balancedParenthesesInAPathBelongToTheLink() {
      assertThat(parse("pre https://domain.tld/path(inner) post"))
          .containsExactly(text("pre "), link("https://domain.tld/path(inner)"), text(" post"));
    }

    @Test
    void aWrappedLinkKeepsTheParenthesesOfItsPath() {
      assertThat(parse("pre (https://domain.tld/path(inner)) post"))
          .containsExactly(text("pre ("), link("https://domain.tld/path(inner)"), text(") post"));
    }

    @Test
    void emailAddressesStayText() {
      assertThat(parse("name@domain.tld")).containsExactly(text("name@domain.tld"));
      assertThat(parse("name.other.name@sub.domain.tld"))
          .containsExactly(text("name.other.name@sub.domain.tld"));
    }

    @Test
    void schemesWithoutADottedHostAndVersionNumbersStayText() {
      for (String s :
          List.of("hangups:hangups", "http://tld", "http://tld/path", "version 3.5.11")) {
        assertThat(parse(s)).as(s).containsExactly(text(s));
      }
    }

    @Test
    void hangupsAutoLinkExampleLinksHostsPathsAndWikipediaParentheses() {
      assertThat(
              parse(
                  "www.google.com google.com/maps "
                      + "(https://en.wikipedia.org/wiki/Parenthesis_(disambiguation))"))
          .containsExactly(
              link("www.google.com", "http://www.google.com"),
              text(" "),
              link("google.com/maps", "http://google.com/maps"),
              text(" ("),
              link("https://en.wikipedia.org/wiki/Parenthesis_(disambiguation)"),
              text(")"));
    }

    @Test
    void markdownExampleNestsFormattingAndKeepsCodeLiteral() {
      assertThat(
              parse(
                  "Test **bold *bolditalic* bold** _italic_ not_italic_not ~~strike~~ "
                      + "[Google](www.google.com)**`_bold not italic_`**"))
          .containsExactly(
              text("Test "),
              bold("bold "),
              bold("bolditalic").withItalic(true),
              bold(" bold"),
              text(" "),
              italic("italic"),
              text(" not_italic_not "),
              text("strike").withStrikethrough(true),
              text(" "),
              link("Google", "http://www.google.com"),
              bold("_bold not italic_"));
    }

    @Test
    void openingMarksWithoutClosingMarksStayText() {
      String s = "*first opened **second opened _third opened __fourth opened";
      assertThat(parse(s)).containsExactly(text(s));
    }

    @Test
    void htmlExampleFormatsBreaksLinksImagesAndLeavesUnclosedTags() {
      assertThat(
              parse(
                  "Test <b>bold <i>bolditalic</i> bold</b> <em>italic</em> <del>strike</del><br>"
                      + "<a href=\"google.com\">Google</a>"
                      + "<img src='https://upload.wikimedia.org/wikipedia/en/8/80/Wikipedia-logo-v2.svg'>"
                      + "<i>default"))
          .containsExactly(
              text("Test "),
              bold("bold "),
              bold("bolditalic").withItalic(true),
              bold(" bold"),
              text(" "),
              italic("italic"),
              text(" "),
              text("strike").withStrikethrough(true),
              LB,
              link("Google", "http://google.com"),
              link("https://upload.wikimedia.org/wikipedia/en/8/80/Wikipedia-logo-v2.svg"),
              text("<i>default"));
    }

    @Test
    void aBareDomainNeedsASubdomainOrAPath() {
      assertThat(parse("example.com")).containsExactly(text("example.com"));
      assertThat(parse("example.com/"))
          .containsExactly(link("example.com/", "http://example.com/"));
      assertThat(parse("a.example.com"))
          .containsExactly(link("a.example.com", "http://a.example.com"));
    }

    @Test
    void aTrailingDotEndsABareDomainButStaysInAPath() {
      assertThat(parse("see www.example.com."))
          .containsExactly(
              text("see "), link("www.example.com", "http://www.example.com"), text("."));
      assertThat(parse("https://example.com/path."))
          .containsExactly(link("https://example.com/path."));
    }
  }

  @Nested
  class Markup {
    @Test
    void emptyTextHasNoSegments() {
      assertThat(parse("")).isEmpty();
    }

    @Test
    void backslashEscapesMarks() {
      assertThat(parse("\\*not italic\\*")).containsExactly(text("*not italic*"));
      assertThat(parse("\\_a\\_ \\~~b\\~~ \\==c\\== \\`d\\` \\[e](f)"))
          .containsExactly(text("_a_ ~~b~~ ==c== `d` [e](f)"));
    }

    @Test
    void aBackslashBeforeOtherCharactersStays() {
      assertThat(parse("C:\\temp \\n")).containsExactly(text("C:\\temp \\n"));
    }

    @Test
    void doubleSpacesBecomeSpaceAndNoBreakSpaceFromTheLeft() {
      assertThat(parse("a  b   c    d")).containsExactly(text("a \u00a0b \u00a0 c \u00a0 \u00a0d"));
    }

    @Test
    void aNoBreakSpaceCountsAsWhitespaceForMarks() {
      // "*a  *" becomes "*a \u00a0*": the second mark follows whitespace, so it cannot close.
      assertThat(parse("*a  *")).containsExactly(text("*a \u00a0*"));
    }

    @Test
    void informationSeparatorsAreWhitespaceAsInPython() {
      assertThat(parse("a\u001c*b*")).containsExactly(text("a\u001c"), italic("b"));
    }

    @Test
    void htmlTagsAreCaseInsensitive() {
      assertThat(parse("<B>x</B> <Em>y</eM>")).containsExactly(bold("x"), text(" "), italic("y"));
    }

    @Test
    void linksAreCaseInsensitiveAndKeepTheirScheme() {
      assertThat(parse("HTTPS://Example.com/x")).containsExactly(link("HTTPS://Example.com/x"));
      assertThat(parse("WWW.EXAMPLE.COM"))
          .containsExactly(link("WWW.EXAMPLE.COM", "http://WWW.EXAMPLE.COM"));
    }

    @Test
    void strikethroughUnderlineAndBoldItalicMarks() {
      assertThat(parse("~~s~~ ==u== ***bi*** ___bi___ __b__ <u>u</u> <s>s</s> <mark>m</mark>"))
          .containsExactly(
              text("s").withStrikethrough(true),
              text(" "),
              text("u").withUnderline(true),
              text(" "),
              bold("bi").withItalic(true),
              text(" "),
              bold("bi").withItalic(true),
              text(" "),
              bold("b"),
              text(" "),
              text("u").withUnderline(true),
              text(" "),
              text("s").withStrikethrough(true),
              text(" "),
              text("m").withUnderline(true));
    }

    @Test
    void aClosingMarkMustBeFollowedByABoundary() {
      assertThat(parse("a *b*c")).containsExactly(text("a *b*c"));
    }

    @Test
    void anOpeningMarkWithoutALaterClosingMarkStaysText() {
      assertThat(parse("**x** **y")).containsExactly(bold("x"), text(" **y"));
    }

    @Test
    void codeSpansKeepMarksAndLinksLiteral() {
      assertThat(parse("`*a* www.example.com` ```**b**```"))
          .containsExactly(text("*a* www.example.com"), text(" "), text("**b**"));
    }

    @Test
    void preKeepsTagsLiteral() {
      assertThat(parse("<pre><b>x</b></pre>")).containsExactly(text("<b>x</b>"));
    }

    @Test
    void overlappingHtmlClosesWhicheverTagMatches() {
      assertThat(parse("<b>a<i>b</b>c</i>"))
          .containsExactly(bold("a"), bold("b").withItalic(true), italic("c"));
    }

    @Test
    void lineBreaksAndLinksTakeTheOpenFormatting() {
      assertThat(parse("**see\nwww.example.com**"))
          .containsExactly(
              bold("see"),
              LB.withBold(true),
              link("www.example.com", "http://www.example.com").withBold(true));
    }

    @Test
    void htmlLineBreaksInEverySpelling() {
      assertThat(parse("a<br>b<BR/>c<br />d"))
          .containsExactly(text("a"), LB, text("b"), LB, text("c"), LB, text("d"));
    }

    @Test
    void markdownLinksTakeTheFirstClosingBracketThatWorks() {
      assertThat(parse("[a]b](c) [d](e)"))
          .containsExactly(link("a]b", "http://c"), text(" "), link("d", "http://e"));
      assertThat(parse("[a](b")).containsExactly(text("[a](b"));
    }

    @Test
    void htmlLinksWithEitherQuote() {
      assertThat(parse("<a href='https://x.org'>X</a><A HREF=\"y.org\" >Y</A>"))
          .containsExactly(link("X", "https://x.org"), link("Y", "http://y.org"));
    }

    @Test
    void otherSchemesWithASlashAreKeptSoTheUiMustCheckSchemes() {
      // As in hangups' url_complete; the app opens only http(s) links.
      assertThat(parse("[x](ftp://files)")).containsExactly(link("x", "ftp://files"));
    }
  }

  @Nested
  class Values {
    @Test
    void typeFollowsTheLinkTargetUnlessSet() {
      assertThat(text("a").type()).isEqualTo(SegmentType.TEXT);
      assertThat(link("a", "http://a").type()).isEqualTo(SegmentType.LINK);
      assertThat(ChatMessageSegment.builder("a").linkTarget("http://a").build().type())
          .isEqualTo(SegmentType.LINK);
      assertThat(
              ChatMessageSegment.builder("a")
                  .linkTarget("http://a")
                  .type(SegmentType.TEXT)
                  .build()
                  .type())
          .isEqualTo(SegmentType.TEXT);
      assertThat(LB.type()).isEqualTo(SegmentType.LINE_BREAK);
      assertThat(LB.text()).isEqualTo("\n");
    }

    @Test
    void withersReturnNewSegmentsAndLeaveTheOriginal() {
      ChatMessageSegment plain = text("a");
      ChatMessageSegment all =
          plain.withBold(true).withItalic(true).withStrikethrough(true).withUnderline(true);
      assertThat(plain.bold() || plain.italic() || plain.strikethrough() || plain.underline())
          .isFalse();
      assertThat(all.bold() && all.italic() && all.strikethrough() && all.underline()).isTrue();
      assertThat(all.text()).isEqualTo("a");
      assertThat(all.withBold(false).bold()).isFalse();
    }

    @Test
    void equalValuesAreEqualAndEveryFieldCounts() {
      ChatMessageSegment a = ChatMessageSegment.builder("x").bold(true).linkTarget("u").build();
      ChatMessageSegment same = ChatMessageSegment.builder("x").bold(true).linkTarget("u").build();
      assertThat(a).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(null).isNotEqualTo("x");
      assertThat(
              List.of(
                  a.toBuilder().text("y").build(),
                  a.toBuilder().type(SegmentType.TEXT).build(),
                  a.withBold(false),
                  a.withItalic(true),
                  a.withStrikethrough(true),
                  a.withUnderline(true),
                  a.toBuilder().linkTarget("v").build()))
          .allSatisfy(other -> assertThat(other).isNotEqualTo(a));
    }

    @Test
    void toStringShowsTypeTextFlagsAndTarget() {
      assertThat(link("x", "http://x").withItalic(true).toString())
          .contains("LINK", "\"x\"", "italic", "http://x")
          .doesNotContain("bold");
    }

    @Test
    void segmentsAreImmutable() {
      assertThat(Modifier.isFinal(ChatMessageSegment.class.getModifiers())).isTrue();
      for (Field field : ChatMessageSegment.class.getDeclaredFields()) {
        assertThat(Modifier.isFinal(field.getModifiers())).as(field.getName()).isTrue();
      }
    }

    @Test
    void textIsRequired() {
      assertThatThrownBy(() -> ChatMessageSegment.text(null))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> ChatMessageSegment.fromString(null))
          .isInstanceOf(NullPointerException.class);
    }

    @Test
    void plainTextJoinsTextsAndLinksWithANewLinePerLineBreak() {
      ChatMessageSegment emptyBreak =
          ChatMessageSegment.builder("").type(SegmentType.LINE_BREAK).build();
      assertThat(
              ChatMessageSegment.toPlainText(
                  List.of(bold("a"), link("b", "http://b"), LB, text("c"), emptyBreak)))
          .isEqualTo("ab\nc\n");
      assertThat(ChatMessageSegment.toPlainText(parse("**x** [y](z)\r\nw"))).isEqualTo("x y\nw");
    }
  }

  @Nested
  class Wire {
    @Test
    void serializeAlwaysSetsTypeTextAndAllFourFlags() {
      Hangouts.Segment wire = text("a").serialize();
      assertThat(wire.getType()).isEqualTo(Hangouts.SegmentType.SEGMENT_TYPE_TEXT);
      assertThat(wire.getText()).isEqualTo("a");
      assertThat(wire.hasFormatting()).isTrue();
      Hangouts.Formatting f = wire.getFormatting();
      assertThat(List.of(f.hasBold(), f.hasItalic(), f.hasStrikethrough(), f.hasUnderline()))
          .containsOnly(true);
      assertThat(List.of(f.getBold(), f.getItalic(), f.getStrikethrough(), f.getUnderline()))
          .containsOnly(false);
      assertThat(wire.hasLinkData()).isFalse();
      assertThat(wire.isInitialized()).isTrue();
    }

    @Test
    void serializeWritesLinkTargetsAndLineBreaks() {
      Hangouts.Segment wire = link("x", "http://x").withUnderline(true).serialize();
      assertThat(wire.getType()).isEqualTo(Hangouts.SegmentType.SEGMENT_TYPE_LINK);
      assertThat(wire.getLinkData().getLinkTarget()).isEqualTo("http://x");
      assertThat(wire.getFormatting().getUnderline()).isTrue();
      assertThat(LB.serialize().getType()).isEqualTo(Hangouts.SegmentType.SEGMENT_TYPE_LINE_BREAK);
      assertThat(LB.serialize().getText()).isEqualTo("\n");
    }

    @Test
    void parsedMessagesSurviveARoundTrip() throws InvalidProtocolBufferException {
      List<ChatMessageSegment> segments =
          parse("Hi **you** <u>*all*</u> ~~x~~\nsee https://example.com/a_(b) [docs](x.org)");
      for (ChatMessageSegment segment : segments) {
        byte[] bytes = segment.serialize().toByteArray();
        assertThat(ChatMessageSegment.deserialize(Hangouts.Segment.parseFrom(bytes)))
            .isEqualTo(segment);
      }
    }

    @Test
    void deserializeToleratesMissingTypeAndFormatting() {
      ChatMessageSegment segment =
          ChatMessageSegment.deserialize(Hangouts.Segment.newBuilder().setText("x").buildPartial());
      assertThat(segment).isEqualTo(text("x"));
    }

    @Test
    void deserializeTurnsAnUnknownTypeIntoText() throws InvalidProtocolBufferException {
      byte[] typeSevenTextX = {0x08, 0x07, 0x12, 0x01, 'x'};
      assertThat(
              ChatMessageSegment.deserialize(
                  Hangouts.Segment.parser().parsePartialFrom(typeSevenTextX)))
          .isEqualTo(text("x"));
    }

    @Test
    void deserializeKeepsTheWireTypeAndDropsAnEmptyTarget() {
      Hangouts.Segment textWithTarget =
          Hangouts.Segment.newBuilder()
              .setType(Hangouts.SegmentType.SEGMENT_TYPE_TEXT)
              .setText("x")
              .setLinkData(Hangouts.LinkData.newBuilder().setLinkTarget("http://x"))
              .build();
      assertThat(ChatMessageSegment.deserialize(textWithTarget).type()).isEqualTo(SegmentType.TEXT);
      Hangouts.Segment linkWithoutTarget =
          Hangouts.Segment.newBuilder()
              .setType(Hangouts.SegmentType.SEGMENT_TYPE_LINK)
              .setText("x")
              .setLinkData(Hangouts.LinkData.getDefaultInstance())
              .build();
      ChatMessageSegment segment = ChatMessageSegment.deserialize(linkWithoutTarget);
      assertThat(segment.type()).isEqualTo(SegmentType.LINK);
      assertThat(segment.linkTarget()).isNull();
    }
  }

  /** Typing is untrusted: these must stay fast and must never throw. */
  @Nested
  class HostileInput {
    private static final int KIB_64 = 64 * 1024;

    private String repeat(String unit, int length) {
      return unit.repeat(length / unit.length() + 1).substring(0, length);
    }

    @Test
    void manyDottedLabelsStayText() {
      String s = repeat("a.", KIB_64);
      assertThat(parse(s)).containsExactly(text(s));
    }

    @Test
    void thousandsOfUnclosedStarsStayText() {
      String s = repeat("*a ", KIB_64);
      assertThat(parse(s)).containsExactly(text(s));
    }

    @Test
    void tenThousandBoldPairsAreAllBold() {
      List<ChatMessageSegment> segments = parse("**x** ".repeat(10_000));
      assertThat(segments).hasSize(20_000);
      for (int i = 0; i < segments.size(); i += 2) {
        assertThat(segments.get(i)).isEqualTo(bold("x"));
        assertThat(segments.get(i + 1)).isEqualTo(text(" "));
      }
    }

    @Test
    void tenThousandBoldPairsBackToBackKeepTheirText() {
      String s = "**x**".repeat(10_000);
      assertThat(ChatMessageSegment.toPlainText(parse(s)).replace("*", ""))
          .isEqualTo("x".repeat(10_000));
    }

    @Test
    void manyOpeningBracketsAndTagsStayText() {
      for (String unit : List.of("[a", "<a href='x'>", "<img src='", "a-", "(a.b/")) {
        String s = repeat(unit, KIB_64);
        assertThat(ChatMessageSegment.toPlainText(parse(s))).as(unit).isEqualTo(s);
      }
    }

    @Test
    void hugeDomainsAndPathsKeepTheirText() {
      for (String s :
          List.of(
              "ab.".repeat(20_000) + "com",
              "https://example.com" + "/a".repeat(30_000),
              "https://example.com/" + "(a)".repeat(20_000),
              "1.".repeat(30_000) + "/")) {
        assertThat(ChatMessageSegment.toPlainText(parse(s))).isEqualTo(s);
      }
    }

    @Test
    void textTooCostlyToParseFallsBackToPlainTextLines() {
      // Every "<a href='" scans to the end for a "'>" followed by "</a>": quadratic, so the parser
      // gives up and, unlike hangups, leaves "**b**" unformatted.
      String costly = "<a href='x".repeat(6_000) + "</a>'>";
      assertThat(parse("**b**\r\n\\*x " + costly))
          .containsExactly(text("**b**"), LB, text("*x " + costly));
    }

    @Test
    void aStackOverflowInTheMatcherFallsBackToPlainText() throws InterruptedException {
      String deepDomain = "**b** " + "ab.".repeat(20_000) + "com";
      AtomicReference<List<ChatMessageSegment>> result = new AtomicReference<>();
      Thread smallStack = new Thread(null, () -> result.set(parse(deepDomain)), "small", 256 << 10);
      smallStack.start();
      smallStack.join();
      assertThat(result.get()).containsExactly(text(deepDomain));
      assertThat(parse("**b**")).containsExactly(bold("b"));
    }

    @Test
    void controlAndBidiCharactersPassThroughAsText() {
      String s = "a\u0000b\u0007c\u202ed\u202ce\u2066f\u2069g\u200fh\ufeffi\ud83d\ude00";
      assertThat(parse(s)).containsExactly(text(s));
    }

    @Test
    void javascriptNeverBecomesALinkTarget() {
      List<String> inputs =
          List.of(
              "javascript:alert(1)",
              "JavaScript:alert(1)",
              "[x](javascript:alert(1))",
              "<a href=\"javascript:alert(1)\">x</a>",
              "<img src='javascript:alert(1)'>",
              "javascript:alert(document.cookie)//example.com/");
      for (String input : inputs) {
        for (ChatMessageSegment segment : parse(input)) {
          if (segment.linkTarget() != null) {
            assertThat(segment.linkTarget()).as(input).startsWith("http://");
          }
        }
      }
      assertThat(parse("javascript:alert(1)")).containsExactly(text("javascript:alert(1)"));
    }

    @Test
    void aMebibyteWithoutMarkupIsOneTextSegment() {
      String s = repeat("lorem ipsum dolor sit amet, consectetur adipiscing elit ", 1 << 20);
      assertThat(parse(s)).containsExactly(text(s));
      String word = "x".repeat(1 << 20);
      assertThat(parse(word)).containsExactly(text(word));
    }

    @Test
    void realisticPastesKeepTheirFormatting() {
      String line = "2024-01-01 [INFO] org.example.Service - GET /api/v1 took *12* ms\n";
      List<ChatMessageSegment> segments = parse(line.repeat(1_000));
      assertThat(segments.stream().filter(ChatMessageSegment::italic).map(ChatMessageSegment::text))
          .hasSize(1_000)
          .containsOnly("12");
      assertThat(ChatMessageSegment.toPlainText(segments))
          .isEqualTo(line.repeat(1_000).replace("*", ""));
    }
  }

  /**
   * MarkupParser's shortcuts against {@link ReferenceMarkupParser}, hangups translated literally.
   */
  @Nested
  class LiteralTranslation {
    /** Pieces of markup, separated by "|", that random texts are made of. */
    private static final String[] PIECES =
        ("*|**|***|_|__|___|`|``|```|~~|==|\\|[|]|(|)|](|<b>|</b>|<I>|</i>|<pre>|</pre>|<del>|"
                + "</del>|<a href='|<a href=\"|'>|\">|</a>|<img src='|/>|<br>|<br />|\n|\r\n|\r|"
                + " |  |\u00a0|\u001c|a|B|xyz|9|-|.|,|:|!|?|@|/|www.|ex.com|.org|http://|HTTPS://|"
                + "1.2.3.4|:80|\u00ab|\u201c|\u212a|\u00e9t\u00e9|\ud83d\ude00|javascript:")
            .split("\\|");

    @Test
    void shortcutsChangeNoResultOnRandomMarkup() {
      Random random = new Random(20_240_101);
      for (int round = 0; round < 2_000; round++) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
          sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        String s = sb.toString();
        assertThat(parse(s)).as("%s", s).isEqualTo(ReferenceMarkupParser.parse(s));
      }
    }

    @Test
    void shortcutsChangeNoResultOnTheVectors() {
      for (String s :
          List.of(
              "Test **bold *bolditalic* bold** _italic_ not_italic_not ~~strike~~ "
                  + "[Google](www.google.com)**`_bold not italic_`**",
              "www.google.com google.com/maps "
                  + "(https://en.wikipedia.org/wiki/Parenthesis_(disambiguation))",
              "Test <b>bold <i>bolditalic</i> bold</b> <em>italic</em> <del>strike</del><br>"
                  + "<a href=\"google.com\">Google</a><img src='https://x.org/a.svg'><i>default",
              "**x****x****x**",
              "[a](b) [c]d](e) [f](g")) {
        assertThat(parse(s)).as(s).isEqualTo(ReferenceMarkupParser.parse(s));
      }
    }
  }
}
