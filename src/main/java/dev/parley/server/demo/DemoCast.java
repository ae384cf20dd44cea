package dev.parley.server.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** Who lives in the demo world: the owner, five friends and colleagues, and the bot. */
final class DemoCast {
  static final String OWNER_EMAIL = "you@parley.local";
  static final String OWNER_PASSWORD = "parley-demo";

  static final DemoPerson OWNER = new DemoPerson("you", "Sam Taylor", OWNER_EMAIL, 0x2563EB, false);
  static final DemoPerson BOT =
      new DemoPerson("bot", "Parley Bot", "bot@parley.local", 0x475569, true);

  /** The five demo people, in the order they are created. */
  static final List<DemoPerson> PEOPLE =
      List.of(
          new DemoPerson("maya", "Maya Chen", "maya@parley.local", 0x0D9488, false),
          new DemoPerson("jonas", "Jonas Weber", "jonas@parley.local", 0x4F46E5, false),
          new DemoPerson("priya", "Priya Natarajan", "priya@parley.local", 0xEA580C, false),
          new DemoPerson("leo", "Leo Martins", "leo@parley.local", 0x16A34A, false),
          new DemoPerson("aisha", "Aisha Bello", "aisha@parley.local", 0x9333EA, false));

  private DemoCast() {}

  /** The owner, the people and the bot. */
  static List<DemoPerson> everyone() {
    List<DemoPerson> all = new ArrayList<>();
    all.add(OWNER);
    all.addAll(PEOPLE);
    all.add(BOT);
    return List.copyOf(all);
  }

  static DemoPerson byKey(String key) {
    return everyone().stream()
        .filter(p -> p.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("nobody in the demo is called " + key));
  }
}
