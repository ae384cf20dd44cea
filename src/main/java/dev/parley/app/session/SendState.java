package dev.parley.app.session;

/** Where a message the user wrote stands. */
public enum SendState {
  /** Waiting to be sent (queued while offline) or sent and not yet acknowledged. */
  PENDING,
  /** The server has it (its event arrived). */
  SENT,
  /** Sending failed; {@link SessionService#retry} tries again. */
  FAILED
}
