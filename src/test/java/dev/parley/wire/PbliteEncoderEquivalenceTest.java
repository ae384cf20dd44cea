package dev.parley.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.parley.proto.Hangouts;
import dev.parley.proto.Hangouts.BatchUpdate;
import dev.parley.proto.Hangouts.EmbedItem;
import dev.parley.wire.testing.PbliteTestProto.AllTypes;
import dev.parley.wire.testing.PbliteTestProto.TestMessage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The binary-walking {@link PbliteEncoder} against the reflective {@link ReflectivePbliteEncoder}
 * over seeded random messages: the output must be identical, character for character.
 */
class PbliteEncoderEquivalenceTest {
  private static final String[] STRINGS = {
    "",
    "hello",
    "quote \" and backslash \\ and slash /",
    "line\nbreak\ttab\rreturn\u0000nul\u001funit\u007fdel",
    "caf\u00e9 \u00fc\u00df",
    "\u4f60\u597d\u4e16\u754c",
    "emoji \ud83d\ude00 and \ud83d\udc4d\ud83c\udffd",
    "\ud800\udc00\udbff\udfff",
    "\uffff\ufffe\u2028\u2029\ufeff",
    "<script>alert('x')</script>",
    "{\"json\":[1,2]}",
  };

  private static final double[] DOUBLES = {
    0.0,
    -0.0,
    1.0,
    -1.5,
    0.1,
    1e15,
    -1e15,
    999999999999999.0,
    1e-300,
    Double.MAX_VALUE,
    Double.MIN_VALUE,
    Double.NaN,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    123456789.125,
    1e21,
  };

  private final Random random = new Random(0x5eedL);

  @Test
  void randomHangoutsMessagesEncodeIdentically() throws Exception {
    List<Descriptor> types = Hangouts.getDescriptor().getMessageTypes();
    for (int i = 0; i < 6000; i++) {
      Descriptor type = types.get(random.nextInt(types.size()));
      Message.Builder builder = builderOf(type);
      fill(builder, 0);
      assertSame(builder.buildPartial(), i % 3 == 0 ? "cbu" : null);
    }
  }

  @Test
  void randomBatchUpdatesAndEmbedItemsEncodeIdentically() {
    for (int i = 0; i < 1500; i++) {
      Message.Builder batch = BatchUpdate.newBuilder();
      fill(batch, 0);
      assertSame(batch.buildPartial(), "cbu");
      Message.Builder embed = EmbedItem.newBuilder();
      fill(embed, 0);
      assertSame(embed.buildPartial(), null);
    }
  }

  @Test
  void randomAllTypesEncodeIdentically() {
    for (int i = 0; i < 4000; i++) {
      Message.Builder builder = AllTypes.newBuilder();
      fill(builder, 0);
      assertSame(builder.buildPartial(), i % 2 == 0 ? null : "tag\"\\");
      Message.Builder test = TestMessage.newBuilder();
      fill(test, 0);
      assertSame(test.buildPartial(), null);
    }
  }

  @Test
  void extremeScalarsEncodeIdentically() {
    AllTypes extremes =
        AllTypes.newBuilder()
            .setFInt32(Integer.MIN_VALUE)
            .setFInt64(Long.MIN_VALUE)
            .setFUint32(-1)
            .setFUint64(-1L)
            .setFSint32(Integer.MIN_VALUE)
            .setFSint64(Long.MIN_VALUE)
            .setFFixed32(Integer.MIN_VALUE)
            .setFFixed64(Long.MIN_VALUE)
            .setFSfixed32(-7)
            .setFSfixed64(-7L)
            .setFBool(false)
            .setFFloat(Float.NaN)
            .setFDouble(-0.0)
            .setFString("")
            .setFBytes(ByteString.EMPTY)
            .addRInt64(Long.MAX_VALUE)
            .addRBool(true)
            .addRDouble(Double.NEGATIVE_INFINITY)
            .setChild(AllTypes.newBuilder().buildPartial())
            .setFarString("far \ud83d\ude00")
            .setFarChild(AllTypes.newBuilder().setFarString("x").buildPartial())
            .buildPartial();
    assertSame(extremes, null);
    assertSame(AllTypes.newBuilder().buildPartial(), null);
    assertSame(AllTypes.newBuilder().setMust(0).buildPartial(), "cbu");
  }

  @Test
  void unknownFieldsAreSkipped() throws Exception {
    TestMessage base =
        TestMessage.newBuilder()
            .setTestInt(5)
            .addTestRepeatedEnum(TestMessage.TestEnum.TEST_2)
            .setTestString("s")
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    base.writeTo(out);
    CodedOutputStream coded = CodedOutputStream.newInstance(out);
    coded.writeInt32(5, 99); // an unknown enum value: kept among the unknown fields
    coded.writeInt32(6, 42);
    coded.writeFixed32(1, 7); // a known number with another wire type
    coded.writeString(1000, "unknown");
    coded.writeInt64(77, -1);
    coded.flush();
    TestMessage parsed = TestMessage.parseFrom(out.toByteArray());
    assertThat(parsed.getUnknownFields().asMap()).isNotEmpty();
    assertSame(parsed, null);
    assertThat(Pblite.encode(parsed)).isEqualTo("[5,null,\"s\",null,null,[2]]");
  }

  @Test
  void packedRepeatedScalarsAreAccepted() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CodedOutputStream coded = CodedOutputStream.newInstance(out);
    coded.writeInt32(1, 3);
    coded.writeTag(2, 2);
    coded.writeUInt32NoTag(12); // 1, -1 (ten bytes) and 2
    coded.writeInt32NoTag(1);
    coded.writeInt32NoTag(-1);
    coded.writeInt32NoTag(2);
    coded.writeInt32(2, 4); // and an unpacked one after it
    coded.writeTag(6, 2);
    coded.writeUInt32NoTag(3);
    coded.writeEnumNoTag(1);
    coded.writeEnumNoTag(9); // unknown: skipped
    coded.writeEnumNoTag(3);
    coded.flush();
    byte[] bytes = out.toByteArray();
    StringBuilder sb = new StringBuilder();
    boolean ordered =
        new PbliteEncoder(sb)
            .writeBinary(PbliteSchema.of(TestMessage.getDescriptor()), bytes, null);
    assertThat(ordered).isTrue();
    assertThat(sb.toString()).isEqualTo("[3,[1,-1,2,4],null,null,null,[1,3]]");
    assertThat(sb.toString()).isEqualTo(reflective(TestMessage.parseFrom(bytes), null));
  }

  @Test
  void fieldsOutOfOrderFallBackToReflection() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CodedOutputStream coded = CodedOutputStream.newInstance(out);
    coded.writeString(3, "late");
    coded.writeInt32(1, 1);
    coded.flush();
    StringBuilder sb = new StringBuilder("x");
    boolean ordered =
        new PbliteEncoder(sb)
            .writeBinary(PbliteSchema.of(TestMessage.getDescriptor()), out.toByteArray(), null);
    assertThat(ordered).isFalse();
    assertThat(sb.toString()).isEqualTo("x");
  }

  @Test
  void escapedOutputIsTheJsonStringOfThePlainOutput() {
    for (int i = 0; i < 500; i++) {
      Message.Builder batch = BatchUpdate.newBuilder();
      fill(batch, 0);
      BatchUpdate message = (BatchUpdate) batch.buildPartial();
      String plain = reflective(message, "cbu");
      StringBuilder once = new StringBuilder();
      JsonWriter.writeString(once, plain);
      StringBuilder twice = new StringBuilder();
      JsonWriter.writeString(twice, once.toString());
      StringBuilder sb = new StringBuilder("\"");
      new PbliteEncoder(sb, 1).writeMessage(message, "cbu");
      assertThat(sb.append('"').toString()).isEqualTo(once.toString());
      sb = new StringBuilder("\"\\\"");
      new PbliteEncoder(sb, 2).writeMessage(message, "cbu");
      assertThat(sb.append("\\\"\"").toString()).isEqualTo(twice.toString());
      assertThat(ChannelCodec.buildStateUpdateWrapper(message))
          .isEqualTo("{\"2\":{\"1\":{\"1\":\"babel\",\"2\":\"\"},\"2\":" + once + "}}");
    }
  }

  // ---- helpers ----

  private static void assertSame(Message message, String typeTag) {
    String expected = reflective(message, typeTag);
    StringBuilder sb = new StringBuilder();
    new PbliteEncoder(sb).writeMessage(message, typeTag);
    assertThat(sb.toString()).as("%s", message).isEqualTo(expected);
  }

  private static String reflective(Message message, String typeTag) {
    StringBuilder sb = new StringBuilder();
    new ReflectivePbliteEncoder(sb).writeMessage(message, typeTag);
    return sb.toString();
  }

  private static Message.Builder builderOf(Descriptor type) throws Exception {
    Class<?> outer = Hangouts.class;
    Class<?> cls = Class.forName(outer.getName() + "$" + type.getName());
    return (Message.Builder) cls.getMethod("newBuilder").invoke(null);
  }

  private void fill(Message.Builder builder, int depth) {
    List<FieldDescriptor> fields = new ArrayList<>(builder.getDescriptorForType().getFields());
    double chance = depth == 0 ? 0.5 : depth < 3 ? 0.3 : 0.1;
    for (FieldDescriptor field : fields) {
      if (random.nextDouble() >= chance) {
        continue;
      }
      if (field.isRepeated()) {
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
          Object value = valueFor(builder, field, depth);
          if (value != null) {
            builder.addRepeatedField(field, value);
          }
        }
      } else {
        Object value = valueFor(builder, field, depth);
        if (value != null) {
          builder.setField(field, value);
        }
      }
    }
  }

  private Object valueFor(Message.Builder parent, FieldDescriptor field, int depth) {
    switch (field.getJavaType()) {
      case INT:
        return randomInt();
      case LONG:
        return randomLong();
      case BOOLEAN:
        return random.nextBoolean();
      case FLOAT:
        return (float) randomDouble();
      case DOUBLE:
        return randomDouble();
      case STRING:
        return randomString();
      case BYTE_STRING:
        {
          byte[] bytes = new byte[random.nextInt(8)];
          random.nextBytes(bytes);
          return ByteString.copyFrom(bytes);
        }
      case ENUM:
        {
          List<EnumValueDescriptor> values = field.getEnumType().getValues();
          return values.get(random.nextInt(values.size()));
        }
      case MESSAGE:
        {
          if (depth > 5) {
            return null;
          }
          Message.Builder child = parent.newBuilderForField(field);
          fill(child, depth + 1);
          return child.buildPartial();
        }
      default:
        throw new AssertionError(field);
    }
  }

  private int randomInt() {
    switch (random.nextInt(6)) {
      case 0:
        return 0;
      case 1:
        return Integer.MIN_VALUE;
      case 2:
        return Integer.MAX_VALUE;
      case 3:
        return -1;
      case 4:
        return random.nextInt(200) - 100;
      default:
        return random.nextInt();
    }
  }

  private long randomLong() {
    switch (random.nextInt(6)) {
      case 0:
        return 0;
      case 1:
        return Long.MIN_VALUE;
      case 2:
        return Long.MAX_VALUE;
      case 3:
        return -1;
      case 4:
        return 1_700_000_000_000_000L + random.nextInt(1_000_000);
      default:
        return random.nextLong();
    }
  }

  private double randomDouble() {
    if (random.nextBoolean()) {
      return DOUBLES[random.nextInt(DOUBLES.length)];
    }
    return random.nextBoolean()
        ? random.nextGaussian() * 1e6
        : Double.longBitsToDouble(random.nextLong());
  }

  private String randomString() {
    if (random.nextBoolean()) {
      return STRINGS[random.nextInt(STRINGS.length)];
    }
    StringBuilder sb = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(5);
      int codePoint;
      if (kind == 0) {
        codePoint = random.nextInt(0x80);
      } else if (kind == 1) {
        codePoint = 0x80 + random.nextInt(0x780);
      } else if (kind == 2) {
        codePoint = 0x800 + random.nextInt(0xD800 - 0x800);
      } else if (kind == 3) {
        codePoint = 0xE000 + random.nextInt(0x2000);
      } else {
        codePoint = 0x10000 + random.nextInt(0x100000);
      }
      sb.appendCodePoint(codePoint);
    }
    return sb.toString();
  }
}
