package dev.parley.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The framing vectors of PROTOCOL.md section 6.2. */
class ChunkParserTest {
  private final ChunkParser parser = new ChunkParser();

  private List<String> feed(String text) {
    return parser.feed(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void twoWholeFramesInOneReadYieldTwoPayloads() {
    assertThat(feed("10\n01234567893\nabc")).containsExactly("0123456789", "abc");
  }

  @Test
  void incompleteFrameYieldsNothingYet() {
    assertThat(feed("12\n012345678")).isEmpty();
    assertThat(parser.isCorrupt()).isFalse();
    assertThat(feed("9\n")).isEmpty();
    assertThat(feed("X")).containsExactly("0123456789\nX");
  }

  @Test
  void junkWhereLengthBelongsYieldsNothingEver() {
    assertThat(feed("junk4\nfail")).isEmpty();
    assertThat(parser.isCorrupt()).isTrue();
    assertThat(feed("4\nfail")).isEmpty();
  }

  @Test
  void lengthWithoutNewlineYieldsNothingYet() {
    assertThat(feed("13")).isEmpty();
    assertThat(parser.isCorrupt()).isFalse();
  }

  @Test
  void malformedLengthAfterGoodFrameStopsTheStream() {
    assertThat(feed("11\n0123456789\n5e\n\"abc\"")).containsExactly("0123456789\n");
    assertThat(parser.isCorrupt()).isTrue();
    assertThat(feed("3\nabc")).isEmpty();
  }

  @Test
  void frameFedInPiecesIsReassembled() {
    assertThat(feed("")).isEmpty();
    assertThat(feed("5")).isEmpty();
    assertThat(feed("\n")).isEmpty();
    assertThat(feed("abc")).isEmpty();
    assertThat(feed("de")).containsExactly("abcde");
  }

  @Test
  void lengthCountsUtf16UnitsSoAnEmojiCountsTwice() {
    assertThat(feed("3\na\ud83d\ude00")).containsExactly("a\ud83d\ude00");
  }

  @Test
  void multiByteCharacterSplitAcrossReadsIsKept() {
    assertThat(parser.feed(new byte[] {'1', '\n', (byte) 0xe2, (byte) 0x82})).isEmpty();
    assertThat(parser.feed(new byte[] {(byte) 0xac})).containsExactly("\u20ac");
  }

  @Test
  void everySplitPointOfAStreamYieldsTheSamePayloads() {
    String payload1 = "[[1,[\"noop\"]]]";
    String payload2 = "h\u00e9llo \ud83d\ude00 w\u00f6rld";
    byte[] stream =
        (ChunkWriter.frame(payload1) + ChunkWriter.frame(payload2) + ChunkWriter.frame(""))
            .getBytes(StandardCharsets.UTF_8);
    for (int split = 0; split <= stream.length; split++) {
      ChunkParser p = new ChunkParser();
      List<String> got = new ArrayList<>(p.feed(stream, 0, split));
      got.addAll(p.feed(stream, split, stream.length - split));
      assertThat(got).as("split at %d", split).containsExactly(payload1, payload2, "");
    }
  }

  @Test
  void sessionResponseVectorNamesSidAndGsessionId() throws Exception {
    String stream =
        "79\n[[0,[\"c\",\"98803CAAD92268E8\",\"\",8]\n]\n,[1,[{\"gsid\":\"7tCoFHumSL-IT6BHpCaxLA\"}]]\n]\n";
    List<String> payloads = feed(stream);
    assertThat(payloads).hasSize(1);
    ChannelSession session = ChannelCodec.parseSessionResponse(payloads.get(0));
    assertThat(session.sid()).isEqualTo("98803CAAD92268E8");
    assertThat(session.gsessionId()).isEqualTo("7tCoFHumSL-IT6BHpCaxLA");
  }

  @Test
  void absurdLengthMarksTheStreamCorrupt() {
    assertThat(feed("99999999999\nx")).isEmpty();
    assertThat(parser.isCorrupt()).isTrue();
  }

  @Test
  void consumedPayloadsAreNotKeptInMemory() {
    String frame = ChunkWriter.frame("x".repeat(1000));
    for (int i = 0; i < 100; i++) {
      assertThat(feed(frame)).hasSize(1);
    }
    assertThat(parser.bufferedLength()).isZero();
  }

  @Test
  void writerFramesWithUtf16Length() {
    assertThat(ChunkWriter.frame("a\ud83d\ude00")).isEqualTo("3\na\ud83d\ude00");
    assertThat(new String(ChunkWriter.frameBytes("abc"), StandardCharsets.UTF_8))
        .isEqualTo("3\nabc");
  }
}
