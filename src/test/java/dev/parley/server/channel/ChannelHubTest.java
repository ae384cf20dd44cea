package dev.parley.server.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.proto.Hangouts.ActiveClientState;
import dev.parley.proto.Hangouts.Conversation;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.UserConversationState;
import dev.parley.wire.ChannelCodec;
import dev.parley.wire.ChannelSession;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hub's bookkeeping without HTTP, on a clock the test moves. */
class ChannelHubTest {
  private static final String ALICE = "3001";
  private static final String BOB = "3002";
  private static final String ADDRESS = "192.0.2.1";

  private final FakeTimeSource time = new FakeTimeSource();
  private final ChannelHub hub =
      new ChannelHub(ChannelConfig.defaults().withSessionLimits(3, 4), time);

  @AfterEach
  void close() {
    hub.close();
  }

  private String clientIdOf(ChannelSession session, String account) {
    return hub.findSession(session.sid(), account).orElseThrow().clientId;
  }

  @Test
  void sessionsHaveDistinctRandomIdsAndAreFoundOnlyByTheirOwnAccount() {
    ChannelSession first = hub.createSession(ALICE, ADDRESS);
    ChannelSession second = hub.createSession(ALICE, ADDRESS);

    assertThat(first.sid()).isNotEqualTo(second.sid()).matches("[0-9A-F]{32}");
    assertThat(first.gsessionId()).isNotEqualTo(second.gsessionId());
    assertThat(hub.findSession(first.sid(), ALICE)).isPresent();
    assertThat(hub.findSession(first.sid(), BOB)).isEmpty();
    assertThat(hub.findSession("nonsense", ALICE)).isEmpty();
    assertThat(hub.findSession(null, ALICE)).isEmpty();
  }

  @Test
  void aClientIdNamesItsAccount() {
    String clientId = clientIdOf(hub.createSession(ALICE, ADDRESS), ALICE);

    assertThat(hub.accountOfClientId(clientId)).contains(ALICE);
    assertThat(hub.accountOfClientId("unknown")).isEmpty();
    assertThat(hub.accountOfClientId(null)).isEmpty();
  }

  @Test
  void anIdleSessionIsExpiredWhenLookedUpAfterTheExpiryTime() {
    ChannelSession session = hub.createSession(ALICE, ADDRESS);
    String clientId = clientIdOf(session, ALICE);

    time.advance(Duration.ofSeconds(59));
    assertThat(hub.findSession(session.sid(), ALICE)).isPresent();
    time.advance(Duration.ofSeconds(1));

    assertThat(hub.findSession(session.sid(), ALICE)).isEmpty();
    assertThat(hub.accountOfClientId(clientId)).isEmpty();
    assertThat(hub.sessionCount(ALICE)).isZero();
  }

  @Test
  void theAccountLimitRefusesANewSessionUntilOneExpires() {
    for (int i = 0; i < 3; i++) {
      hub.createSession(ALICE, "198.51.100." + i);
    }

    assertThatThrownBy(() -> hub.createSession(ALICE, ADDRESS))
        .isInstanceOfSatisfying(
            ChannelLimitException.class,
            e -> {
              assertThat(e.scope()).isEqualTo(ChannelLimitException.Scope.ACCOUNT);
              assertThat(e.limit()).isEqualTo(3);
            });
    time.advance(Duration.ofSeconds(61));
    assertThat(hub.createSession(ALICE, ADDRESS).sid()).isNotEmpty();
  }

  @Test
  void theAddressLimitCountsSessionsOfEveryAccount() {
    hub.createSession(ALICE, ADDRESS);
    hub.createSession(ALICE, ADDRESS);
    hub.createSession(BOB, ADDRESS);
    hub.createSession(BOB, ADDRESS);

    assertThatThrownBy(() -> hub.createSession(BOB, ADDRESS))
        .isInstanceOfSatisfying(
            ChannelLimitException.class,
            e -> assertThat(e.scope()).isEqualTo(ChannelLimitException.Scope.ADDRESS));
    assertThat(hub.createSession(BOB, "203.0.113.9").sid()).isNotEmpty();
  }

  @Test
  void theActiveClientStateDependsOnWhoAsks() {
    hub.setActiveClient(ALICE, "laptop", 60);

    assertThat(hub.activeClientState(ALICE, "laptop"))
        .isEqualTo(ActiveClientState.ACTIVE_CLIENT_STATE_IS_ACTIVE);
    assertThat(hub.activeClientState(ALICE, "phone"))
        .isEqualTo(ActiveClientState.ACTIVE_CLIENT_STATE_OTHER_ACTIVE);
    assertThat(hub.activeClientState(BOB, "anything"))
        .isEqualTo(ActiveClientState.ACTIVE_CLIENT_STATE_NO_ACTIVE);
    assertThat(hub.isActive(ALICE)).isTrue();
    assertThat(hub.isActive(BOB)).isFalse();
    assertThat(hub.lastActiveMicros(ALICE)).contains(time.nowMicros());
  }

  @Test
  void anActiveClientLapsesAfterItsTimeout() {
    hub.setActiveClient(ALICE, "laptop", 30);

    time.advance(Duration.ofSeconds(29));
    assertThat(hub.isActive(ALICE)).isTrue();
    time.advance(Duration.ofSeconds(1));

    assertThat(hub.isActive(ALICE)).isFalse();
    assertThat(hub.activeClientState(ALICE, "laptop"))
        .isEqualTo(ActiveClientState.ACTIVE_CLIENT_STATE_NO_ACTIVE);
  }

  @Test
  void theActiveTimeoutIsCappedAtTenMinutes() {
    hub.setActiveClient(ALICE, "laptop", 3_600);

    time.advance(Duration.ofSeconds(ChannelHub.MAX_ACTIVE_TIMEOUT_SECONDS));

    assertThat(hub.isActive(ALICE)).isFalse();
  }

  @Test
  void aZeroTimeoutMakesOnlyThatClientInactive() {
    hub.setActiveClient(ALICE, "laptop", 60);
    hub.setActiveClient(ALICE, "phone", 0);
    assertThat(hub.activeClientState(ALICE, "laptop"))
        .isEqualTo(ActiveClientState.ACTIVE_CLIENT_STATE_IS_ACTIVE);

    hub.setActiveClient(ALICE, "laptop", 0);

    assertThat(hub.isActive(ALICE)).isFalse();
  }

  @Test
  void aPushToAnAccountWithoutSessionsIsIgnored() {
    hub.push("nobody", dev.parley.proto.Hangouts.StateUpdate.getDefaultInstance(), null);
    hub.pushPresence("nobody", dev.parley.proto.Hangouts.StateUpdate.getDefaultInstance());

    assertThat(hub.sessionCount("nobody")).isZero();
  }

  @Test
  void pushesQueueOnlyForSubscribedSessions() {
    ChannelSession subscribed = hub.createSession(ALICE, ADDRESS);
    ChannelSession silent = hub.createSession(ALICE, ADDRESS);
    PushSession target = hub.findSession(subscribed.sid(), ALICE).orElseThrow();
    hub.subscribe(target, dev.parley.wire.ChannelCodec.SERVICE_BABEL);

    hub.push(ALICE, dev.parley.proto.Hangouts.StateUpdate.getDefaultInstance(), null);

    assertThat(target.queuedUpdates()).isEqualTo(1);
    assertThat(hub.findSession(silent.sid(), ALICE).orElseThrow().queuedUpdates()).isZero();
  }

  @Test
  void aPreparedPushQueuesOnTheSessionsSubscribedWhenItIsPublished() {
    ChannelSession early = hub.createSession(ALICE, ADDRESS);
    hub.subscribe(hub.findSession(early.sid(), ALICE).orElseThrow(), ChannelCodec.SERVICE_BABEL);
    StateUpdate update =
        StateUpdate.newBuilder().setConversation(Conversation.getDefaultInstance()).build();
    PreparedPush push =
        hub.prepareConversationPush(
            update,
            Map.of(
                ALICE, UserConversationState.getDefaultInstance(),
                BOB, UserConversationState.getDefaultInstance()));
    ChannelSession late = hub.createSession(BOB, ADDRESS);
    hub.subscribe(hub.findSession(late.sid(), BOB).orElseThrow(), ChannelCodec.SERVICE_BABEL);
    ChannelSession unsubscribed = hub.createSession(BOB, ADDRESS);

    push.publish();

    assertThat(hub.findSession(early.sid(), ALICE).orElseThrow().queuedUpdates()).isEqualTo(1);
    assertThat(hub.findSession(late.sid(), BOB).orElseThrow().queuedUpdates()).isEqualTo(1);
    assertThat(hub.findSession(unsubscribed.sid(), BOB).orElseThrow().queuedUpdates()).isZero();
  }

  @Test
  void aClosedHubRefusesNewSessions() {
    hub.close();

    assertThatThrownBy(() -> hub.createSession(ALICE, ADDRESS))
        .isInstanceOf(IllegalStateException.class);
  }
}
