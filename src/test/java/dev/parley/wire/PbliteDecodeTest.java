package dev.parley.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.parley.wire.testing.PbliteTestProto.AllTypes;
import dev.parley.wire.testing.PbliteTestProto.TestMessage;
import dev.parley.wire.testing.PbliteTestProto.TestMessage.Embedded;
import dev.parley.wire.testing.PbliteTestProto.TestMessage.TestEnum;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decoder vectors of PROTOCOL.md section 7, and the rules around them. */
class PbliteDecodeTest {

  private static TestMessage decode(String json) throws MalformedJsonException {
    return Pblite.decode(json, TestMessage.getDefaultInstance());
  }

  @Test
  void everyFieldTypeDecodes() throws Exception {
    TestMessage m =
        decode(
            "[1, [3, 4], \"foo\", [\"bar\", \"baz\"], 1, [2, 3], [1], [[2], [3]], \"AA==\","
                + " [\"AAE=\", \"AAEC\"]]");
    assertThat(m.getTestInt()).isEqualTo(1);
    assertThat(m.getTestRepeatedIntList()).containsExactly(3, 4);
    assertThat(m.getTestString()).isEqualTo("foo");
    assertThat(m.getTestRepeatedStringList()).containsExactly("bar", "baz");
    assertThat(m.getTestEnum()).isEqualTo(TestEnum.TEST_1);
    assertThat(m.getTestRepeatedEnumList()).containsExactly(TestEnum.TEST_2, TestEnum.TEST_3);
    assertThat(m.getTestEmbedded()).isEqualTo(Embedded.newBuilder().setA(1).build());
    assertThat(m.getTestRepeatedEmbeddedList())
        .containsExactly(
            Embedded.newBuilder().setA(2).build(), Embedded.newBuilder().setA(3).build());
    assertThat(m.getTestBytes()).isEqualTo(ByteString.copyFrom(new byte[] {0}));
    assertThat(m.getTestRepeatedBytesList())
        .containsExactly(
            ByteString.copyFrom(new byte[] {0, 1}), ByteString.copyFrom(new byte[] {0, 1, 2}));
  }

  @Test
  void nullsAreAbsentFields() throws Exception {
    TestMessage m = decode("[null, null, \"foo\"]");
    assertThat(m).isEqualTo(TestMessage.newBuilder().setTestString("foo").build());
    assertThat(m.hasTestInt()).isFalse();
  }

  @Test
  void unknownFieldNumberIsIgnored() throws Exception {
    String json = "[" + String.join(", ", Collections.nCopies(99, "null")) + ", 1]";
    assertThat(decode(json)).isEqualTo(TestMessage.getDefaultInstance());
    assertThat(decode(json).getUnknownFields().asMap()).isEmpty();
  }

  @Test
  void unknownEnumValueIsSkipped() throws Exception {
    assertThat(decode("[null, null, null, null, 99]")).isEqualTo(TestMessage.getDefaultInstance());
  }

  @Test
  void unknownEnumValueClearsRepeatedEnum() throws Exception {
    assertThat(decode("[null, null, null, null, null, [1, 99]]"))
        .isEqualTo(TestMessage.getDefaultInstance());
  }

  @Test
  void stringForIntegerFieldIsSkipped() throws Exception {
    assertThat(decode("[\"foo\"]")).isEqualTo(TestMessage.getDefaultInstance());
  }

  @Test
  void numberInsideStringIsNoInteger() throws Exception {
    assertThat(decode("[\"1\"]")).isEqualTo(TestMessage.getDefaultInstance());
  }

  @Test
  void oneInvalidElementClearsRepeatedInt() throws Exception {
    assertThat(decode("[null, [1, \"foo\", 2]]")).isEqualTo(TestMessage.getDefaultInstance());
  }

  @Test
  void scalarWhereMessageBelongsIsSkipped() throws Exception {
    assertThat(decode("[null, null, null, null, null, null, 1]"))
        .isEqualTo(TestMessage.getDefaultInstance());
  }

  @Test
  void repeatedElementThatIsNoArrayBecomesEmptyMessage() throws Exception {
    TestMessage m = decode("[null, null, null, null, null, null, null, [1]]");
    assertThat(m.getTestRepeatedEmbeddedList()).containsExactly(Embedded.getDefaultInstance());
  }

  @Test
  void invalidBytesAreSkipped() throws Exception {
    assertThat(decode(withField(9, "1"))).isEqualTo(TestMessage.getDefaultInstance());
    assertThat(decode(withField(9, "\"A?==\""))).isEqualTo(TestMessage.getDefaultInstance());
    assertThat(decode(withField(10, "[1]"))).isEqualTo(TestMessage.getDefaultInstance());
    assertThat(decode(withField(10, "[\"A?==\"]"))).isEqualTo(TestMessage.getDefaultInstance());
  }

  @Test
  void typeTagIsSkippedWhenAsked() throws Exception {
    TestMessage m =
        Pblite.decode("[\"ignored\", 1, [3, 4]]", TestMessage.getDefaultInstance(), true);
    assertThat(m.getTestInt()).isEqualTo(1);
    assertThat(m.getTestRepeatedIntList()).containsExactly(3, 4);
  }

  @Test
  void trailingObjectHoldsFieldsByNumber() throws Exception {
    TestMessage m = decode("[1, {\"7\": [2]}]");
    assertThat(m.getTestInt()).isEqualTo(1);
    assertThat(m.getTestEmbedded().getA()).isEqualTo(2);
  }

  @Test
  void objectThatIsNotLastIsNoTrailingObject() throws Exception {
    TestMessage m = decode("[{\"3\": \"x\"}, 5]");
    assertThat(m.hasTestString()).isFalse();
    assertThat(m.hasTestInt()).isFalse();
  }

  @Test
  void batchUpdateWithTagAndTrailingObjectDecodes() throws Exception {
    dev.parley.proto.Hangouts.BatchUpdate batch =
        Pblite.decode(
            "[\"cbu\", [[[1], {\"13\": [[\"conv\"]]}]]]",
            dev.parley.proto.Hangouts.BatchUpdate.getDefaultInstance(),
            true);
    assertThat(batch.getStateUpdateCount()).isEqualTo(1);
    dev.parley.proto.Hangouts.StateUpdate update = batch.getStateUpdate(0);
    assertThat(update.getStateUpdateHeader().getActiveClientState())
        .isEqualTo(dev.parley.proto.Hangouts.ActiveClientState.ACTIVE_CLIENT_STATE_IS_ACTIVE);
    assertThat(update.getConversation().getConversationId().getId()).isEqualTo("conv");
  }

  @Test
  void emptyNestedArrayLeavesMessageAbsent() throws Exception {
    assertThat(decode("[null, null, null, null, null, null, []]").hasTestEmbedded()).isFalse();
    assertThat(decode("[null, null, null, null, null, null, [null]]").hasTestEmbedded()).isFalse();
    assertThat(decode("[null, null, null, null, null, null, [0]]").hasTestEmbedded()).isTrue();
  }

  @Test
  void stringsKeepEveryCharacter() throws Exception {
    String text = "h\u00e9llo \ud83d\ude00 \"q\" \\ / \n\t\u0001";
    TestMessage m =
        decode("[null, null, \"h\\u00e9llo \\ud83d\\ude00 \\\"q\\\" \\\\ \\/ \\n\\t\\u0001\"]");
    assertThat(m.getTestString()).isEqualTo(text);
    assertThat(decode("[null, null, \"h\u00e9llo \ud83d\ude00\"]").getTestString())
        .isEqualTo("h\u00e9llo \ud83d\ude00");
  }

  @Test
  void loneSurrogateMakesStringInvalid() throws Exception {
    assertThat(decode("[null, null, \"a\\ud83d b\"]").hasTestString()).isFalse();
    assertThat(decode("[null, null, null, [\"ok\", \"\\ude00\"]]").getTestRepeatedStringCount())
        .isZero();
  }

  @Test
  void floatsAreNoIntegers() throws Exception {
    assertThat(decode("[1.0]").hasTestInt()).isFalse();
    assertThat(decode("[1e2]").hasTestInt()).isFalse();
    assertThat(decode("[-5]").getTestInt()).isEqualTo(-5);
  }

  @Test
  void booleansCountAsIntegersAsInPython() throws Exception {
    assertThat(decode("[true]").getTestInt()).isEqualTo(1);
    assertThat(decode("[false]").hasTestInt()).isTrue();
  }

  @Test
  void integersOutOfRangeAreSkipped() throws Exception {
    AllTypes big =
        Pblite.decode(
            "[2147483648, 9223372036854775808, -1, 18446744073709551615, null, null, null,"
                + " 18446744073709551616, null, null, 2, 0.5]",
            AllTypes.getDefaultInstance());
    assertThat(big.hasFInt32()).isFalse();
    assertThat(big.hasFInt64()).isFalse();
    assertThat(big.hasFUint32()).isFalse();
    assertThat(big.getFUint64()).isEqualTo(-1L); // 2^64 - 1 as unsigned bits
    assertThat(big.hasFFixed64()).isFalse();
    assertThat(big.hasFBool()).isFalse();
    assertThat(big.getFFloat()).isEqualTo(0.5f);
  }

  @Test
  void everyScalarTypeRoundTrips() throws Exception {
    AllTypes original =
        AllTypes.newBuilder()
            .setFInt32(-7)
            .setFInt64(Long.MIN_VALUE)
            .setFUint32(-1)
            .setFUint64(-1L)
            .setFSint32(-3)
            .setFSint64(-4)
            .setFFixed32(-5)
            .setFFixed64(-6)
            .setFSfixed32(-8)
            .setFSfixed64(-9)
            .setFBool(true)
            .setFFloat(1.5f)
            .setFDouble(-2.25e-300)
            .setFString("\u00e9\ud83d\ude00\u0000\"")
            .setFBytes(ByteString.copyFrom(new byte[] {-1, 0, 1}))
            .addAllRInt64(List.of(1L, -1L))
            .addAllRBool(List.of(true, false))
            .addAllRDouble(List.of(0.1, 1e20))
            .setChild(AllTypes.newBuilder().setMust(1).setFString("child"))
            .addChildren(AllTypes.newBuilder().setMust(2))
            .addChildren(AllTypes.newBuilder().setMust(3))
            .setFarString("far")
            .setFarChild(AllTypes.newBuilder().setMust(4))
            .setMust(5)
            .build();
    String json = Pblite.encode(original);
    assertThat(json).matches("\\A[\\x20-\\x7e]*\\z");
    assertThat(json).contains("{\"300\":\"far\",\"27639957\":[");
    assertThat(Pblite.decode(json, AllTypes.getDefaultInstance())).isEqualTo(original);
  }

  @Test
  void encoderWritesTypeTagAndOmitsTrailingAbsentFields() {
    TestMessage m = TestMessage.newBuilder().setTestString("x").build();
    assertThat(Pblite.encode(m)).isEqualTo("[null,null,\"x\"]");
    assertThat(Pblite.encode(m, "cbu")).isEqualTo("[\"cbu\",null,null,\"x\"]");
    assertThat(Pblite.encode(TestMessage.getDefaultInstance())).isEqualTo("[]");
  }

  @Test
  void invalidJsonIsAnError() {
    for (String bad :
        List.of(
            "",
            "[",
            "[1,]",
            "[01]",
            "[1] x",
            "{\"1\": 1}",
            "\"text\"",
            "[\"unterminated]",
            "[\"\\x\"]",
            "[\"a\u0001\"]",
            "[nul]",
            "[1 2]")) {
      assertThatThrownBy(() -> decode(bad)).as(bad).isInstanceOf(MalformedJsonException.class);
    }
  }

  @Test
  void nestingDeeperThanSixtyFourLevelsIsAnError() throws Exception {
    String deep = "[".repeat(65) + "]".repeat(65);
    assertThatThrownBy(() -> decode(deep)).isInstanceOf(MalformedJsonException.class);
    String ok = "[".repeat(64) + "]".repeat(64);
    assertThat(decode(ok)).isEqualTo(TestMessage.getDefaultInstance());
  }

  private static String withField(int number, String value) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 1; i < number; i++) {
      sb.append("null, ");
    }
    return sb.append(value).append(']').toString();
  }
}
