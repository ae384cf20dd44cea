package dev.parley.server.storage;

import dev.parley.server.ServerException;

/** The database failed (I/O, constraint, connection); the operation did not happen. */
public class StoreException extends ServerException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
