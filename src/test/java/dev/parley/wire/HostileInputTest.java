package dev.parley.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.google.protobuf.Message;
import dev.parley.proto.Hangouts.BatchUpdate;
import dev.parley.proto.Hangouts.ConversationId;
import dev.parley.proto.Hangouts.ConversationSpec;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.EventNotification;
import dev.parley.proto.Hangouts.GetConversationRequest;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.wire.testing.PbliteTestProto.AllTypes;
import dev.parley.wire.testing.PbliteTestProto.TestMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every decoder fed 100,000 mutated inputs: each one either decodes or fails with the codec's own
 * checked exception — never another exception, a stack overflow or a runaway allocation.
 */
class HostileInputTest {
  private static final int ROUNDS = 100_000;

  private static List<String> pbliteSeeds() throws IOException {
    List<String> seeds = new ArrayList<>();
    seeds.add(
        "[1, [3, 4], \"foo\", [\"bar\", \"baz\"], 1, [2, 3], [1], [[2], [3]], \"AA==\","
            + " [\"AAE=\", \"AAEC\"]]");
    seeds.add("[1, {\"7\": [2]}]");
    seeds.add("[null, null, null, null, null, null, null, [1]]");
    seeds.add(
        "[\"cbu\", [[[1, null, \"trace\", null, 1500000001000000], null, [[[\"c\"], [\"1\","
            + " \"1\"], 15, null, null, null, [null, [], [[[0, \"h\\u00e9llo \\ud83d\\ude00\","
            + " [1]], [1, \"\\n\"], [2, \"x.com\", null, [\"http://x.com\"]]]]]]]]]]");
    seeds.add(benchSample());
    return seeds;
  }

  /**
   * The first few thousand characters of the benchmark input, closed into valid JSON; without the
   * shared folder beside the checkout, a batch of the same shape built here.
   */
  private static String benchSample() throws IOException {
    Path file = Path.of("..", "shared", "bench", "batch_2000.pblite.json");
    if (Files.exists(file)) {
      String text = Files.readString(file);
      int cut = text.indexOf("]]], [[1,", 2000);
      if (cut > 0) {
        return text.substring(0, cut + 3) + "]]";
      }
    }
    BatchUpdate.Builder batch = BatchUpdate.newBuilder();
    for (int i = 0; i < 5; i++) {
      batch.addStateUpdate(
          StateUpdate.newBuilder()
              .setEventNotification(
                  EventNotification.newBuilder()
                      .setEvent(
                          Event.newBuilder()
                              .setEventId("EVENT-" + i)
                              .setTimestamp(1_500_000_000_000_000L + i)
                              .setConversationId(
                                  ConversationId.newBuilder().setId("UgwCONV" + i)))));
    }
    return ChannelCodec.encodeBatchUpdate(batch.build());
  }

  @Test
  void benchSampleIsAValidSeed() throws Exception {
    BatchUpdate batch = Pblite.decode(benchSample(), BatchUpdate.getDefaultInstance(), true);
    assertThat(batch.getStateUpdateCount()).isGreaterThan(0);
  }

  @Test
  void pbliteDecoderFailsOnlyWithItsOwnExceptionAndBoundedOutput() throws Exception {
    List<String> seeds = pbliteSeeds();
    Mutator mutator = new Mutator(1);
    List<Message> prototypes =
        List.of(
            TestMessage.getDefaultInstance(),
            AllTypes.getDefaultInstance(),
            BatchUpdate.getDefaultInstance());
    int decoded = 0;
    for (int i = 0; i < ROUNDS; i++) {
      String input = mutator.mutate(seeds);
      Message prototype = prototypes.get(i % prototypes.size());
      PbliteDecoder decoder = new PbliteDecoder(input);
      try {
        decoder.decodeDocument(PbliteSchema.of(prototype.getDescriptorForType()), i % 2 == 0);
        decoded++;
        // Output bytes stay within a small multiple of the input.
        assertThat(decoder.sink().position()).isLessThanOrEqualTo(8 * input.length() + 64);
        Pblite.decode(input, prototype, i % 2 == 0);
      } catch (MalformedJsonException expected) {
        // the codec's own failure
      } catch (RuntimeException | StackOverflowError e) {
        fail("input %s made the decoder throw %s", input, e);
      }
    }
    assertThat(decoded).as("some mutations still decode").isGreaterThan(ROUNDS / 50);
  }

  @Test
  void jsonReaderFailsOnlyWithItsOwnException() throws Exception {
    List<String> seeds = pbliteSeeds();
    seeds.add(
        "{\"1\": {\"1\": {\"1\": {\"1\": 1, \"2\": 1}}, \"4\": \"5\"}, \"3\": {\"2\": \"x\"}}");
    Mutator mutator = new Mutator(2);
    for (int i = 0; i < ROUNDS; i++) {
      String input = mutator.mutate(seeds);
      try {
        JsonReader.parse(input);
      } catch (MalformedJsonException expected) {
        // the codec's own failure
      } catch (RuntimeException | StackOverflowError e) {
        fail("input %s made the reader throw %s", input, e);
      }
    }
  }

  @Test
  void channelPayloadParserFailsOnlyWithItsOwnException() {
    BatchUpdate batch =
        BatchUpdate.newBuilder()
            .addStateUpdate(
                StateUpdate.newBuilder()
                    .setEventNotification(
                        EventNotification.newBuilder()
                            .setEvent(
                                Event.newBuilder()
                                    .setEventId("e1")
                                    .setConversationId(ConversationId.newBuilder().setId("c1")))))
            .build();
    List<String> seeds =
        List.of(
            ChannelCodec.buildWrapperArray(1, ChannelCodec.buildStateUpdateWrapper(batch)),
            ChannelCodec.buildWrapperArray(2, ChannelCodec.buildClientIdWrapper("cid", 5)),
            ChannelCodec.buildNoopArray(3),
            ChannelCodec.buildSessionResponse(new ChannelSession("S", "G")));
    Mutator mutator = new Mutator(3);
    for (int i = 0; i < ROUNDS; i++) {
      String input = mutator.mutate(seeds);
      try {
        if (i % 4 == 3) {
          ChannelCodec.parseSessionResponse(input);
        } else {
          ChannelCodec.parseArrays(input);
        }
      } catch (MalformedChannelDataException expected) {
        // the codec's own failure
      } catch (RuntimeException | StackOverflowError e) {
        fail("input %s made the channel codec throw %s", input, e);
      }
    }
  }

  @Test
  void chunkParserNeverThrowsAndBuffersOnlyWhatItWasFed() {
    String stream =
        ChunkWriter.frame(ChannelCodec.buildNoopArray(1))
            + ChunkWriter.frame("h\u00e9llo \ud83d\ude00")
            + ChunkWriter.frame("[]");
    byte[] seed = stream.getBytes(StandardCharsets.UTF_8);
    Mutator mutator = new Mutator(4);
    for (int i = 0; i < ROUNDS; i++) {
      byte[] input = mutator.mutate(seed);
      ChunkParser parser = new ChunkParser();
      int offset = 0;
      try {
        while (offset < input.length) {
          int piece = Math.min(input.length - offset, 1 + mutator.nextInt(16));
          parser.feed(input, offset, piece);
          offset += piece;
          assertThat(parser.bufferedLength()).isLessThanOrEqualTo(offset);
        }
      } catch (RuntimeException e) {
        fail(
            "input %s made the chunk parser throw %s",
            new String(input, StandardCharsets.UTF_8), e);
      }
    }
  }

  @Test
  void protobufBodiesFailOnlyWithTheirOwnException() {
    GetConversationRequest request =
        GetConversationRequest.newBuilder()
            .setConversationSpec(
                ConversationSpec.newBuilder()
                    .setConversationId(ConversationId.newBuilder().setId("c")))
            .setIncludeEvent(true)
            .setMaxEventsPerConversation(20)
            .build();
    byte[] seed = request.toByteArray();
    byte[] deep = nestedAllTypes(90).toByteArray();
    Mutator mutator = new Mutator(5);
    for (int i = 0; i < ROUNDS; i++) {
      byte[] input = mutator.mutate(i % 2 == 0 ? seed : deep);
      try {
        if (i % 2 == 0) {
          RpcCodec.decodeProto(input, GetConversationRequest.getDefaultInstance());
        } else {
          RpcCodec.decodeProto(input, AllTypes.getDefaultInstance());
        }
      } catch (MalformedProtobufException expected) {
        // the codec's own failure
      } catch (RuntimeException | StackOverflowError e) {
        fail("input made the protobuf decoder throw %s", e);
      }
    }
  }

  @Test
  void sapisidHashParserNeverThrows() {
    List<String> seeds =
        List.of(
            "SAPISIDHASH 1795533136_49ae0b7a9cf6deb5c6446a15dabcf7d3e11ddc4c",
            "SAPISIDHASH 1_0000000000000000000000000000000000000000");
    Mutator mutator = new Mutator(6);
    for (int i = 0; i < ROUNDS; i++) {
      String input = mutator.mutate(seeds);
      try {
        SapisidHash.verify(input, "sapisid", "https://hangouts.google.com");
      } catch (RuntimeException e) {
        fail("header %s made verify throw %s", input, e);
      }
    }
  }

  @Test
  void hugeNestingFailsCleanlyInEveryDecoder() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThatThrownBy(() -> Pblite.decode(deep, TestMessage.getDefaultInstance()))
        .isInstanceOf(MalformedJsonException.class);
    assertThatThrownBy(() -> JsonReader.parse(deep)).isInstanceOf(MalformedJsonException.class);
    assertThatThrownBy(() -> ChannelCodec.parseArrays(deep))
        .isInstanceOf(MalformedChannelDataException.class);
    String deepObject = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
    assertThatThrownBy(() -> JsonReader.parse(deepObject))
        .isInstanceOf(MalformedJsonException.class);
    assertThatThrownBy(
            () -> Pblite.decode("[" + deepObject + ", 1]", AllTypes.getDefaultInstance()))
        .isInstanceOf(MalformedJsonException.class);
  }

  private static AllTypes nestedAllTypes(int depth) {
    AllTypes message = AllTypes.newBuilder().setFString("bottom").buildPartial();
    for (int i = 0; i < depth; i++) {
      message = AllTypes.newBuilder().setChild(message).buildPartial();
    }
    return message;
  }
}
