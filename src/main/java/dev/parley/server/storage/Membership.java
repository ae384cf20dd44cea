package dev.parley.server.storage;

/**
 * One account's place in one conversation. {@code leftAt} is 0 while the account is a participant,
 * else when it left (it keeps history up to then). {@code notificationLevel} and {@code view} hold
 * protocol enum numbers (NotificationLevel, ConversationView). {@code deletedUpTo} hides events at
 * or before it from this account only. {@code modifiedAt} is the timestamp of the last change to
 * this account's own state, for {@code syncallnewevents}.
 */
public record Membership(
    String conversationId,
    String accountId,
    long joinedAt,
    long leftAt,
    long latestReadTimestamp,
    int notificationLevel,
    int view,
    long deletedUpTo,
    long modifiedAt) {

  public boolean isCurrent() {
    return leftAt == 0;
  }

  public Membership withLeftAt(long timestamp) {
    return new Membership(
        conversationId,
        accountId,
        joinedAt,
        timestamp,
        latestReadTimestamp,
        notificationLevel,
        view,
        deletedUpTo,
        Math.max(modifiedAt, timestamp));
  }

  public Membership withLatestRead(long readTimestamp, long changedAt) {
    return new Membership(
        conversationId,
        accountId,
        joinedAt,
        leftAt,
        readTimestamp,
        notificationLevel,
        view,
        deletedUpTo,
        Math.max(modifiedAt, changedAt));
  }

  public Membership withNotificationLevel(int level, long changedAt) {
    return new Membership(
        conversationId,
        accountId,
        joinedAt,
        leftAt,
        latestReadTimestamp,
        level,
        view,
        deletedUpTo,
        Math.max(modifiedAt, changedAt));
  }

  public Membership withView(int newView, long changedAt) {
    return new Membership(
        conversationId,
        accountId,
        joinedAt,
        leftAt,
        latestReadTimestamp,
        notificationLevel,
        newView,
        deletedUpTo,
        Math.max(modifiedAt, changedAt));
  }

  public Membership withDeletedUpTo(long upTo, long changedAt) {
    return new Membership(
        conversationId,
        accountId,
        joinedAt,
        leftAt,
        latestReadTimestamp,
        notificationLevel,
        view,
        upTo,
        Math.max(modifiedAt, changedAt));
  }

  public Membership rejoined(long timestamp) {
    return new Membership(
        conversationId,
        accountId,
        joinedAt,
        0,
        latestReadTimestamp,
        notificationLevel,
        view,
        deletedUpTo,
        Math.max(modifiedAt, timestamp));
  }
}
