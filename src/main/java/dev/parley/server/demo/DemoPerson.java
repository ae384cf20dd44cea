package dev.parley.server.demo;

/**
 * Someone in the demo world: the key the script names them by, how they appear, and the colour of
 * their avatar (0xRRGGBB).
 */
record DemoPerson(String key, String displayName, String email, int colour, boolean bot) {

  /** Up to two initials: first letters of the first and last word of the name. */
  String initials() {
    String[] words = displayName.strip().split("\\s+");
    String first = words[0].substring(0, 1);
    return words.length == 1 ? first : first + words[words.length - 1].charAt(0);
  }
}
