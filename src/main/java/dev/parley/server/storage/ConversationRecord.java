package dev.parley.server.storage;

/**
 * A conversation. {@code type}, {@code otrStatus} and {@code linkSharingStatus} hold the numbers of
 * the protocol's enums (ConversationType, OffTheRecordStatus, GroupLinkSharingStatus). {@code
 * name}, {@code joinToken} and {@code oneToOneKey} may be null; the one-to-one key is the two
 * participants' ids, sorted and joined by a space, so a second one-to-one is never created. {@code
 * modifiedAt} is the timestamp of the last change visible to every participant (an event, a
 * membership change, a watermark), for {@code syncallnewevents}.
 */
public record ConversationRecord(
    String id,
    int type,
    String name,
    int otrStatus,
    int linkSharingStatus,
    String joinToken,
    String oneToOneKey,
    long createdAt,
    long sortTimestamp,
    long modifiedAt) {

  public ConversationRecord withName(String newName) {
    return new ConversationRecord(
        id,
        type,
        newName,
        otrStatus,
        linkSharingStatus,
        joinToken,
        oneToOneKey,
        createdAt,
        sortTimestamp,
        modifiedAt);
  }

  public ConversationRecord withOtrStatus(int status) {
    return new ConversationRecord(
        id,
        type,
        name,
        status,
        linkSharingStatus,
        joinToken,
        oneToOneKey,
        createdAt,
        sortTimestamp,
        modifiedAt);
  }

  public ConversationRecord withLinkSharing(int status, String token) {
    return new ConversationRecord(
        id,
        type,
        name,
        otrStatus,
        status,
        token,
        oneToOneKey,
        createdAt,
        sortTimestamp,
        modifiedAt);
  }

  /** After an event at {@code timestamp}: it sorts the conversation and counts as a change. */
  public ConversationRecord touchedByEvent(long timestamp) {
    return new ConversationRecord(
        id,
        type,
        name,
        otrStatus,
        linkSharingStatus,
        joinToken,
        oneToOneKey,
        createdAt,
        Math.max(sortTimestamp, timestamp),
        Math.max(modifiedAt, timestamp));
  }

  /** After a change at {@code timestamp} that is no event (a watermark, say). */
  public ConversationRecord modified(long timestamp) {
    return new ConversationRecord(
        id,
        type,
        name,
        otrStatus,
        linkSharingStatus,
        joinToken,
        oneToOneKey,
        createdAt,
        sortTimestamp,
        Math.max(modifiedAt, timestamp));
  }
}
