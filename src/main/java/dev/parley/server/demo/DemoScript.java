package dev.parley.server.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the demo's history from a plain text script (see {@code world.txt} for the grammar) into
 * steps with wall-clock times, checking as it goes that time never runs backwards, that everyone is
 * known and that people only act where they are participants.
 */
final class DemoScript {
  static final String WORLD = "world.txt";
  static final String VISITS = "visits.txt";

  private static final Pattern DELAY = Pattern.compile("^\\+(\\d+)([smh])\\s+");
  private static final Pattern SAY = Pattern.compile("^([a-z]+):\\s?(.*)$");
  private static final Pattern PICTURE = Pattern.compile("^\\{photo:([a-z]+)}\\s*");
  private static final Duration DEFAULT_GAP = Duration.ofSeconds(40);

  private final LocalDate today;
  private final List<DemoStep> steps = new ArrayList<>();
  private final Map<String, Set<String>> members = new HashMap<>();
  private LocalDateTime clock;
  private boolean clockJustSet;
  private String conversation;
  private int line;

  private DemoScript(LocalDate today) {
    this.today = today;
  }

  /** The steps of a script resource of this package, with "day 0" being {@code today}. */
  static List<DemoStep> load(String resource, LocalDate today) {
    return parse(lines(resource), today);
  }

  static List<DemoStep> parse(List<String> lines, LocalDate today) {
    DemoScript script = new DemoScript(today);
    for (String text : lines) {
      script.line++;
      script.parseLine(text.strip());
    }
    return List.copyOf(script.steps);
  }

  /** A message without a time: who says it, its markup, and the kind of picture (or null). */
  record Saying(String who, String markup, String picture) {}

  /** The "who: text" lines of a resource, blank lines and # comments left out. */
  static List<Saying> sayings(String resource) {
    DemoScript script = new DemoScript(null);
    List<Saying> sayings = new ArrayList<>();
    for (String text : lines(resource)) {
      script.line++;
      String s = text.strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      Matcher m = SAY.matcher(s);
      if (!m.matches()) {
        throw script.error("not a \"who: text\" line: " + s);
      }
      sayings.add(script.saying(m.group(1), m.group(2)));
    }
    return List.copyOf(sayings);
  }

  private static List<String> lines(String resource) {
    InputStream in = DemoScript.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("the demo resource " + resource + " is missing");
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void parseLine(String s) {
    if (s.isEmpty() || s.startsWith("#")) {
      return;
    }
    String[] words = s.split("\\s+", 2);
    String rest = words.length > 1 ? words[1] : "";
    switch (words[0]) {
      case "day" -> setDay(Integer.parseInt(rest));
      case "at" -> setTime(LocalTime.parse(rest));
      case "in" -> conversation = requireConversation(rest);
      case "one" -> oneToOne(rest.split("\\s+"));
      case "group" -> group(rest.split("\\s+", 4));
      default -> action(s);
    }
  }

  private void setDay(int offset) {
    LocalDate date = today.plusDays(offset);
    if (clock != null && date.isBefore(clock.toLocalDate())) {
      throw error("day " + offset + " is before the current day");
    }
    clock = date.atStartOfDay();
    clockJustSet = true;
  }

  private void setTime(LocalTime time) {
    requireClock();
    LocalDateTime next = clock.toLocalDate().atTime(time);
    if (next.isBefore(clock)) {
      throw error("at " + time + " is before " + clock.toLocalTime());
    }
    clock = next;
    clockJustSet = true;
  }

  private void oneToOne(String[] args) {
    if (args.length != 3) {
      throw error("one <conversation> <creator> <other>");
    }
    conversation = newConversation(args[0], args[1], List.of(args[2]));
    add(DemoStep.Kind.ONE_TO_ONE, args[1], List.of(args[2]), null, null, DEFAULT_GAP);
  }

  private void group(String[] args) {
    if (args.length != 4) {
      throw error("group <conversation> <creator> <member,member...> <name>");
    }
    List<String> others = Arrays.asList(args[2].split(","));
    conversation = newConversation(args[0], args[1], others);
    add(DemoStep.Kind.GROUP, args[1], others, args[3], null, DEFAULT_GAP);
  }

  private String newConversation(String key, String creator, List<String> others) {
    if (members.containsKey(key)) {
      throw error("conversation " + key + " exists already");
    }
    Set<String> people = new LinkedHashSet<>();
    people.add(known(creator));
    others.forEach(o -> people.add(known(o)));
    members.put(key, people);
    return key;
  }

  private void action(String s) {
    Duration delay = null;
    Matcher d = DELAY.matcher(s);
    if (d.find()) {
      long n = Long.parseLong(d.group(1));
      delay =
          switch (d.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
          };
      s = s.substring(d.end());
    }
    Matcher say = SAY.matcher(s);
    if (say.matches()) {
      say(say.group(1), say.group(2), delay);
      return;
    }
    String[] words = s.split("\\s+", 3);
    String who = words[0];
    String verb = words.length > 1 ? words[1] : "";
    String rest = words.length > 2 ? words[2] : "";
    Duration gap = delay != null ? delay : DEFAULT_GAP;
    Set<String> current = currentMembers();
    requireMember(who, current);
    switch (verb) {
      case "renames" -> add(DemoStep.Kind.RENAME, who, List.of(), rest, null, gap);
      case "reads" -> add(DemoStep.Kind.READ, who, List.of(), null, null, gap);
      case "leaves" -> {
        current.remove(who);
        add(DemoStep.Kind.LEAVE, who, List.of(), null, null, gap);
      }
      case "adds" -> {
        List<String> joining = Arrays.asList(rest.split(","));
        for (String j : joining) {
          if (!current.add(known(j))) {
            throw error(j + " is already in " + conversation);
          }
        }
        add(DemoStep.Kind.ADD, who, joining, null, null, gap);
      }
      default -> throw error("cannot read this line: " + s);
    }
  }

  private void say(String who, String text, Duration delay) {
    requireMember(who, currentMembers());
    Saying saying = saying(who, text);
    // Roughly how long it takes to type it.
    int seconds = 15 + saying.markup().length() / 3 + (saying.picture() != null ? 30 : 0);
    Duration gap = delay != null ? delay : Duration.ofSeconds(Math.min(150, seconds));
    boolean botAnswers = !who.equals("bot") && currentMembers().contains("bot");
    steps.add(
        step(
            DemoStep.Kind.SAY, who, List.of(), saying.markup(), saying.picture(), botAnswers, gap));
  }

  private Saying saying(String who, String text) {
    known(who);
    String picture = null;
    String markup = text;
    Matcher p = PICTURE.matcher(markup);
    if (p.find()) {
      picture = p.group(1);
      if (!DemoPictures.KINDS.contains(picture)) {
        throw error("no picture of kind " + picture);
      }
      markup = markup.substring(p.end());
    }
    if (markup.isEmpty() && picture == null) {
      throw error("a message needs text or a picture");
    }
    return new Saying(who, markup, picture);
  }

  private void add(
      DemoStep.Kind kind,
      String who,
      List<String> people,
      String text,
      String picture,
      Duration gap) {
    steps.add(step(kind, who, people, text, picture, false, gap));
  }

  private DemoStep step(
      DemoStep.Kind kind,
      String who,
      List<String> people,
      String text,
      String picture,
      boolean botAnswers,
      Duration gap) {
    requireClock();
    if (!clockJustSet) {
      clock = clock.plus(gap);
    }
    clockJustSet = false;
    return new DemoStep(
        kind, clock, conversation, who, List.copyOf(people), text, picture, botAnswers, line);
  }

  private Set<String> currentMembers() {
    if (conversation == null) {
      throw error("no conversation chosen yet (use \"in\", \"one\" or \"group\")");
    }
    return members.get(conversation);
  }

  private void requireMember(String who, Set<String> current) {
    known(who);
    if (!current.contains(who)) {
      throw error(who + " is not in " + conversation);
    }
  }

  private String requireConversation(String key) {
    if (!members.containsKey(key)) {
      throw error("no conversation " + key + " yet");
    }
    return key;
  }

  private String known(String key) {
    try {
      return DemoCast.byKey(key).key();
    } catch (RuntimeException e) {
      throw error(e.getMessage());
    }
  }

  private void requireClock() {
    if (clock == null) {
      throw error("set the day first");
    }
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException("demo script line " + line + ": " + message);
  }
}
