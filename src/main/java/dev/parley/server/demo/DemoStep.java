package dev.parley.server.demo;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One thing that happens in the demo's history, at a wall-clock time: who does what in which
 * conversation (by the script's keys).
 *
 * @param people the other people of a new conversation, or those being added
 * @param text the message markup, the group's name or the new name
 * @param picture the kind of picture sent with a message, or null
 * @param botAnswers true for a message the bot (a participant) answers
 * @param line the script line, for error messages
 */
record DemoStep(
    Kind kind,
    LocalDateTime at,
    String conversation,
    String actor,
    List<String> people,
    String text,
    String picture,
    boolean botAnswers,
    int line) {

  enum Kind {
    ONE_TO_ONE,
    GROUP,
    SAY,
    RENAME,
    ADD,
    LEAVE,
    READ
  }
}
