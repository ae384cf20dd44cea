package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.wire.ChannelCodec;
import dev.parley.wire.ChannelSession;
import dev.parley.wire.ChunkWriter;
import java.util.concurrent.TimeUnit;

/** What tests of a client against a {@link FakeHttpServer} push channel share. */
final class FakeChannelFixture {
  static final Cookies COOKIES = new Cookies("sid", "sapisid");

  /** The channel's answer to the session request (SID1). */
  static final String SESSION =
      ChunkWriter.frame(ChannelCodec.buildSessionResponse(new ChannelSession("SID1", "GSID1")));

  /** The first long poll's frame: the client id. */
  static final String CLIENT_ID =
      ChunkWriter.frame(
          ChannelCodec.buildWrapperArray(1, ChannelCodec.buildClientIdWrapper("client-1", 1)));

  private FakeChannelFixture() {}

  /** Disconnects the client, checks {@code connect()} returned, and stops the server. */
  static void stop(Client client, Thread connectThread, FakeHttpServer server) throws Exception {
    if (client != null) {
      client.disconnect();
    }
    if (connectThread != null) {
      connectThread.join(TimeUnit.SECONDS.toMillis(5));
      assertThat(connectThread.isAlive()).as("connect() returned").isFalse();
    }
    if (server != null) {
      server.close();
    }
  }
}
