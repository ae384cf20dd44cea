package dev.parley.client;

import dev.parley.proto.Hangouts;

/** A conversation's history mode: off the record (history disabled) or on the record. */
public enum OffTheRecordStatus {
  UNKNOWN,
  OFF_THE_RECORD,
  ON_THE_RECORD;

  static OffTheRecordStatus fromProto(Hangouts.OffTheRecordStatus status) {
    return switch (status) {
      case OFF_THE_RECORD_STATUS_OFF_THE_RECORD -> OFF_THE_RECORD;
      case OFF_THE_RECORD_STATUS_ON_THE_RECORD -> ON_THE_RECORD;
      default -> UNKNOWN;
    };
  }
}
