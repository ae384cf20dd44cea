package dev.parley.wire;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.WireFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the pblite codec needs to know about one message type, computed once per descriptor: fields
 * by number, their wire tags, and the enum values that are valid.
 */
final class PbliteSchema {
  /** Field numbers below this are looked up in an array; larger ones in a map. */
  private static final int DIRECT_LOOKUP = 256;

  // A memo of a pure function of immutable descriptors; never observable as state.
  private static final Map<Descriptor, PbliteSchema> CACHE = new ConcurrentHashMap<>();

  enum Kind {
    INT32,
    INT64,
    UINT32,
    UINT64,
    SINT32,
    SINT64,
    FIXED32,
    FIXED64,
    SFIXED32,
    SFIXED64,
    BOOL,
    FLOAT,
    DOUBLE,
    STRING,
    BYTES,
    ENUM,
    MESSAGE
  }

  static final class Field {
    final FieldDescriptor descriptor;
    final int number;
    final Kind kind;
    final boolean repeated;
    final int tag;
    private final Descriptor messageType;
    private final Map<Integer, EnumValueDescriptor> enumValues;
    private volatile PbliteSchema messageSchema;

    Field(FieldDescriptor descriptor) {
      this.descriptor = descriptor;
      this.number = descriptor.getNumber();
      this.kind = kindOf(descriptor);
      this.repeated = descriptor.isRepeated();
      this.tag = (number << 3) | wireTypeOf(kind);
      this.messageType = kind == Kind.MESSAGE ? descriptor.getMessageType() : null;
      if (kind == Kind.ENUM) {
        Map<Integer, EnumValueDescriptor> values = new HashMap<>();
        for (EnumValueDescriptor value : descriptor.getEnumType().getValues()) {
          values.putIfAbsent(value.getNumber(), value);
        }
        this.enumValues = Map.copyOf(values);
      } else {
        this.enumValues = Map.of();
      }
    }

    boolean isKnownEnumValue(long value) {
      return value >= Integer.MIN_VALUE
          && value <= Integer.MAX_VALUE
          && enumValues.containsKey((int) value);
    }

    PbliteSchema messageSchema() {
      PbliteSchema schema = messageSchema;
      if (schema == null) {
        schema = of(messageType);
        messageSchema = schema;
      }
      return schema;
    }
  }

  final Descriptor descriptor;
  private final Field[] direct;
  private final Map<Integer, Field> far;
  private final List<Field> sorted;

  private PbliteSchema(Descriptor descriptor) {
    this.descriptor = descriptor;
    this.direct = new Field[DIRECT_LOOKUP];
    Map<Integer, Field> farFields = new HashMap<>();
    List<Field> all = new ArrayList<>();
    for (FieldDescriptor fd : descriptor.getFields()) {
      Field field = new Field(fd);
      all.add(field);
      if (field.number < DIRECT_LOOKUP) {
        direct[field.number] = field;
      } else {
        farFields.put(field.number, field);
      }
    }
    all.sort(Comparator.comparingInt(f -> f.number));
    this.far = Map.copyOf(farFields);
    this.sorted = List.copyOf(all);
  }

  static PbliteSchema of(Descriptor descriptor) {
    PbliteSchema schema = CACHE.get(descriptor);
    if (schema == null) {
      schema = CACHE.computeIfAbsent(descriptor, PbliteSchema::new);
    }
    return schema;
  }

  Field field(long number) {
    if (number > 0 && number < DIRECT_LOOKUP) {
      return direct[(int) number];
    }
    if (number <= 0 || number > Integer.MAX_VALUE) {
      return null;
    }
    return far.get((int) number);
  }

  /** Every field, in field-number order. */
  List<Field> fieldsByNumber() {
    return sorted;
  }

  private static Kind kindOf(FieldDescriptor fd) {
    switch (fd.getType()) {
      case INT32:
        return Kind.INT32;
      case INT64:
        return Kind.INT64;
      case UINT32:
        return Kind.UINT32;
      case UINT64:
        return Kind.UINT64;
      case SINT32:
        return Kind.SINT32;
      case SINT64:
        return Kind.SINT64;
      case FIXED32:
        return Kind.FIXED32;
      case FIXED64:
        return Kind.FIXED64;
      case SFIXED32:
        return Kind.SFIXED32;
      case SFIXED64:
        return Kind.SFIXED64;
      case BOOL:
        return Kind.BOOL;
      case FLOAT:
        return Kind.FLOAT;
      case DOUBLE:
        return Kind.DOUBLE;
      case STRING:
        return Kind.STRING;
      case BYTES:
        return Kind.BYTES;
      case ENUM:
        return Kind.ENUM;
      case MESSAGE:
        return Kind.MESSAGE;
      default:
        // Groups are proto1 legacy; the Hangouts schema has none.
        throw new IllegalArgumentException("unsupported field type " + fd.getType() + " of " + fd);
    }
  }

  private static int wireTypeOf(Kind kind) {
    switch (kind) {
      case FIXED32:
      case SFIXED32:
      case FLOAT:
        return WireFormat.WIRETYPE_FIXED32;
      case FIXED64:
      case SFIXED64:
      case DOUBLE:
        return WireFormat.WIRETYPE_FIXED64;
      case STRING:
      case BYTES:
      case MESSAGE:
        return WireFormat.WIRETYPE_LENGTH_DELIMITED;
      default:
        return WireFormat.WIRETYPE_VARINT;
    }
  }
}
