package dev.parley.server.rpc;

import dev.parley.server.ServerException;

/**
 * A well-formed request the server refuses (not a participant, unknown conversation, wrong
 * conversation type, over a limit). Answered with HTTP 200 and {@code
 * RESPONSE_STATUS_INVALID_REQUEST}, the message as {@code error_description}, nothing else.
 */
public class RpcRefusedException extends ServerException {
  private static final long serialVersionUID = 1L;

  public RpcRefusedException(String message) {
    super(message);
  }
}
