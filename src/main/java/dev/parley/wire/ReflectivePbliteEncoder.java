package dev.parley.wire;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Message;
import dev.parley.wire.PbliteSchema.Field;
import java.util.Base64;
import java.util.List;

/**
 * The reference pblite encoder, walking a message with protobuf reflection: the oracle of {@link
 * PbliteEncoder}'s tests and its fallback for binary forms it does not expect. Writes a message as
 * a pblite array: field number n at index n-1 up to {@link #MAX_POSITIONAL}, larger numbers in a
 * trailing object, trailing absent fields left out. The text is ASCII-only so a channel frame's
 * length is the same in bytes and in UTF-16 units.
 */
final class ReflectivePbliteEncoder {
  static final int MAX_POSITIONAL = PbliteEncoder.MAX_POSITIONAL;

  private final StringBuilder sb;

  ReflectivePbliteEncoder(StringBuilder sb) {
    this.sb = sb;
  }

  void writeMessage(Message message, String typeTag) {
    PbliteSchema schema = PbliteSchema.of(message.getDescriptorForType());
    sb.append('[');
    int written = 0;
    if (typeTag != null) {
      JsonWriter.writeString(sb, typeTag);
      written = 1;
    }
    List<Field> fields = schema.fieldsByNumber();
    boolean objectOpen = false;
    for (Field field : fields) {
      if (!isSet(message, field)) {
        continue;
      }
      if (field.number <= MAX_POSITIONAL) {
        int index = field.number - 1 + (typeTag != null ? 1 : 0);
        for (; written < index; written++) {
          sb.append(written == 0 ? "null" : ",null");
        }
        if (written > 0) {
          sb.append(',');
        }
        writeValue(message, field);
        written++;
      } else {
        if (!objectOpen) {
          if (written > 0) {
            sb.append(',');
          }
          sb.append('{');
          objectOpen = true;
        } else {
          sb.append(',');
        }
        sb.append('"').append(field.number).append("\":");
        writeValue(message, field);
      }
    }
    if (objectOpen) {
      sb.append('}');
    }
    sb.append(']');
  }

  private static boolean isSet(Message message, Field field) {
    if (field.repeated) {
      return message.getRepeatedFieldCount(field.descriptor) > 0;
    }
    return message.hasField(field.descriptor);
  }

  private void writeValue(Message message, Field field) {
    if (!field.repeated) {
      writeScalarOrMessage(field, message.getField(field.descriptor));
      return;
    }
    int count = message.getRepeatedFieldCount(field.descriptor);
    sb.append('[');
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        sb.append(',');
      }
      writeScalarOrMessage(field, message.getRepeatedField(field.descriptor, i));
    }
    sb.append(']');
  }

  private void writeScalarOrMessage(Field field, Object value) {
    switch (field.kind) {
      case MESSAGE:
        writeMessage((Message) value, null);
        return;
      case STRING:
        JsonWriter.writeString(sb, (String) value);
        return;
      case BYTES:
        sb.append('"')
            .append(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
        sb.append('"');
        return;
      case ENUM:
        sb.append(((EnumValueDescriptor) value).getNumber());
        return;
      case BOOL:
        sb.append(((Boolean) value) ? "true" : "false");
        return;
      case UINT64:
      case FIXED64:
        sb.append(Long.toUnsignedString((Long) value));
        return;
      case UINT32:
      case FIXED32:
        sb.append(Integer.toUnsignedLong((Integer) value));
        return;
      case FLOAT:
        JsonWriter.writeDouble(sb, (Float) value);
        return;
      case DOUBLE:
        JsonWriter.writeDouble(sb, (Double) value);
        return;
      default:
        sb.append(value); // int32, int64 and their signed variants
    }
  }
}
