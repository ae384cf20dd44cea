package dev.parley.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpdateQueueTest {
  @Test
  void refusesTheItemPastTheCountBound() {
    UpdateQueue queue = new UpdateQueue(2, 1_000);

    assertThat(queue.offer("a")).isTrue();
    assertThat(queue.offer("b")).isTrue();
    assertThat(queue.offer("c")).isFalse();
    assertThat(queue.size()).isEqualTo(2);
  }

  @Test
  void refusesTheItemPastTheByteBound() {
    UpdateQueue queue = new UpdateQueue(100, 10);

    assertThat(queue.offer("12345")).isTrue();
    assertThat(queue.offer("67890")).isTrue();
    assertThat(queue.offer("!")).isFalse();
    assertThat(queue.bytes()).isEqualTo(10);
  }

  @Test
  void drainsOldestFirstWithinTheChunkBoundsButAlwaysAtLeastOne() {
    UpdateQueue queue = new UpdateQueue(100, 1_000);
    queue.offer("aaaa");
    queue.offer("bbbb");
    queue.offer("cccc");

    assertThat(queue.drain(10, 2)).containsExactly("aaaa");
    assertThat(queue.drain(10, 8)).containsExactly("bbbb", "cccc");
    assertThat(queue.isEmpty()).isTrue();
    assertThat(queue.bytes()).isZero();
  }

  @Test
  void drainsAtMostTheRequestedCount() {
    UpdateQueue queue = new UpdateQueue(100, 1_000);
    for (int i = 0; i < 5; i++) {
      queue.offer("item" + i);
    }

    assertThat(queue.drain(2, 1_000)).containsExactly("item0", "item1");
    assertThat(queue.size()).isEqualTo(3);
  }
}
