package dev.parley.wire;

import dev.parley.proto.Hangouts.BatchUpdate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and builds the JSON inside push-channel frames (PROTOCOL.md sections 6.1 and 6.3): the
 * new-session response, the {@code [array_id, data]} arrays with their {@code p} wrappers, client
 * ids, {@code cbu} state-update batches and service subscriptions.
 */
public final class ChannelCodec {
  /** The service that carries chat state updates. */
  public static final String SERVICE_BABEL = "babel";

  /** The service that carries presence. */
  public static final String SERVICE_PRESENCE = "babel_presence_last_seen";

  private static final String BATCH_UPDATE_TAG = "cbu";

  private ChannelCodec() {}

  // ---- reading (client side) ----

  /** Reads SID and gsessionid from the payload of a new-session response. */
  public static ChannelSession parseSessionResponse(String payload)
      throws MalformedChannelDataException {
    try {
      List<?> root = asList(parseJson(payload), "session response");
      List<?> first = asList(element(root, 0), "session array 0");
      List<?> sidArray = asList(element(first, 1), "session array 0 data");
      String sid = asString(element(sidArray, 1), "SID");
      List<?> second = asList(element(root, 1), "session array 1");
      List<?> gsidArray = asList(element(second, 1), "session array 1 data");
      Map<?, ?> gsidObject = asMap(element(gsidArray, 0), "gsid object");
      String gsid = asString(gsidObject.get("gsid"), "gsid");
      return new ChannelSession(sid, gsid);
    } catch (IllegalArgumentException e) {
      throw new MalformedChannelDataException("session response without SID or gsid", e);
    }
  }

  /** Reads every {@code [array_id, data]} pair of one frame's payload. */
  public static List<ChannelArray> parseArrays(String payload)
      throws MalformedChannelDataException {
    List<?> root = asList(parseJson(payload), "channel payload");
    List<ChannelArray> arrays = new ArrayList<>(root.size());
    for (Object item : root) {
      List<?> pair = asList(item, "channel array");
      long arrayId = asLong(element(pair, 0), "array id");
      List<?> data = asList(element(pair, 1), "array data");
      Object first = element(data, 0);
      if ("noop".equals(first)) {
        arrays.add(ChannelArray.ofNoop(arrayId));
        continue;
      }
      Map<?, ?> holder = asMap(first, "array data element");
      String wrapperText = asString(holder.get("p"), "p wrapper");
      arrays.add(parseWrapper(arrayId, wrapperText));
    }
    return arrays;
  }

  private static ChannelArray parseWrapper(long arrayId, String wrapperText)
      throws MalformedChannelDataException {
    Map<?, ?> wrapper = asMap(parseJson(wrapperText), "p wrapper");
    Optional<String> clientId = Optional.empty();
    Optional<BatchUpdate> batch = Optional.empty();
    if (wrapper.containsKey("3")) {
      Map<?, ?> three = asMap(wrapper.get("3"), "client id wrapper");
      clientId = Optional.of(asString(three.get("2"), "client id"));
    }
    if (wrapper.containsKey("2")) {
      Map<?, ?> two = asMap(wrapper.get("2"), "state update wrapper");
      String pblite = asString(two.get("2"), "state update pblite");
      batch = decodeBatchUpdate(pblite);
    }
    return new ChannelArray(arrayId, false, clientId, batch);
  }

  /** A {@code ["cbu", ...]} array as a BatchUpdate; other tags are ignored, as hangups does. */
  private static Optional<BatchUpdate> decodeBatchUpdate(String pblite)
      throws MalformedChannelDataException {
    int i = 0;
    while (i < pblite.length() && Character.isWhitespace(pblite.charAt(i))) {
      i++;
    }
    if (!pblite.startsWith("[\"" + BATCH_UPDATE_TAG + "\"", i)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Pblite.decode(pblite, BatchUpdate.getDefaultInstance(), true));
    } catch (MalformedJsonException e) {
      throw new MalformedChannelDataException("state update is not valid pblite", e);
    }
  }

  /** The service named by one subscription form value ({@code reqN_p}), if it names one. */
  public static Optional<String> parseServiceSubscription(String json) {
    try {
      Object service = pathOf(JsonReader.parse(json), "3", "1", "1");
      return service instanceof String ? Optional.of((String) service) : Optional.empty();
    } catch (MalformedJsonException e) {
      return Optional.empty();
    }
  }

  // ---- building (server side) ----

  /** The payload of a new-session response. */
  public static String buildSessionResponse(ChannelSession session) {
    return JsonWriter.write(
        List.of(
            List.of(0, List.of("c", session.sid(), "", 8)),
            List.of(1, List.of(Map.of("gsid", session.gsessionId())))));
  }

  /** The {@code p} wrapper text that hands a session its client id. */
  public static String buildClientIdWrapper(String clientId, long timestampMillis) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("1", Map.of("1", obj("1", 1, "2", 1)));
    header.put("4", Long.toString(timestampMillis));
    header.put("5", "S1");
    Map<String, Object> wrapper = new LinkedHashMap<>();
    wrapper.put("1", header);
    wrapper.put("3", obj("1", Map.of("1", 1), "2", clientId));
    return JsonWriter.write(wrapper);
  }

  /** The {@code p} wrapper text that carries a batch of state updates. */
  public static String buildStateUpdateWrapper(BatchUpdate batch) {
    // {"2":{"1":{"1":"babel","2":""},"2":"<the cbu pblite as a JSON string>"}}, with the pblite
    // written escaped in place rather than built and escaped again.
    StringBuilder sb = new StringBuilder(256);
    sb.append("{\"2\":{\"1\":{\"1\":");
    JsonWriter.writeString(sb, SERVICE_BABEL);
    sb.append(",\"2\":\"\"},\"2\":\"");
    new PbliteEncoder(sb, 1).writeMessage(batch, BATCH_UPDATE_TAG);
    sb.append("\"}}");
    return sb.toString();
  }

  /**
   * The same wrapper as {@link #buildStateUpdateWrapper}, already written as the JSON string
   * literal that {@code "p"} holds: encoded once per update, it can go into every session's chunk
   * without being escaped again.
   */
  public static String buildStateUpdateWrapperLiteral(BatchUpdate batch) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("\"{\\\"2\\\":{\\\"1\\\":{\\\"1\\\":\\\"")
        .append(SERVICE_BABEL)
        .append("\\\",\\\"2\\\":\\\"\\\"},\\\"2\\\":\\\"");
    new PbliteEncoder(sb, 2).writeMessage(batch, BATCH_UPDATE_TAG);
    sb.append("\\\"}}\"");
    return sb.toString();
  }

  /** One frame's payload holding wrappers given as JSON string literals, ids counting up. */
  public static String buildWrapperArrayFromLiterals(long firstArrayId, List<String> literals) {
    StringBuilder sb = new StringBuilder(64 + literals.stream().mapToInt(String::length).sum());
    sb.append('[');
    long arrayId = firstArrayId;
    for (String literal : literals) {
      if (arrayId != firstArrayId) {
        sb.append(',');
      }
      sb.append('[').append(arrayId++).append(",[{\"p\":").append(literal).append("}]]");
    }
    return sb.append(']').toString();
  }

  /** A batch of state updates as hangups expects it inside the wrapper. */
  public static String encodeBatchUpdate(BatchUpdate batch) {
    return Pblite.encode(batch, BATCH_UPDATE_TAG);
  }

  /** One frame's payload holding a single wrapper. */
  public static String buildWrapperArray(long arrayId, String wrapperText) {
    return JsonWriter.write(List.of(List.of(arrayId, List.of(Map.of("p", wrapperText)))));
  }

  /** One frame's payload holding a keep-alive. */
  public static String buildNoopArray(long arrayId) {
    return JsonWriter.write(List.of(List.of(arrayId, List.of("noop"))));
  }

  /** A subscription form value ({@code reqN_p}) for one service. */
  public static String buildServiceSubscription(String service) {
    return JsonWriter.write(Map.of("3", Map.of("1", Map.of("1", service))));
  }

  // ---- helpers ----

  private static Map<String, Object> obj(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(k1, v1);
    map.put(k2, v2);
    return map;
  }

  private static Object parseJson(String text) throws MalformedChannelDataException {
    try {
      return JsonReader.parse(text);
    } catch (MalformedJsonException e) {
      throw new MalformedChannelDataException("channel data is not JSON", e);
    }
  }

  private static Object pathOf(Object root, String... keys) {
    Object current = root;
    for (String key : keys) {
      if (!(current instanceof Map)) {
        return null;
      }
      current = ((Map<?, ?>) current).get(key);
    }
    return current;
  }

  private static Object element(List<?> list, int index) throws MalformedChannelDataException {
    if (index >= list.size()) {
      throw new MalformedChannelDataException("missing element " + index);
    }
    return list.get(index);
  }

  private static List<?> asList(Object value, String what) throws MalformedChannelDataException {
    if (!(value instanceof List)) {
      throw new MalformedChannelDataException(what + " is not an array");
    }
    return (List<?>) value;
  }

  private static Map<?, ?> asMap(Object value, String what) throws MalformedChannelDataException {
    if (!(value instanceof Map)) {
      throw new MalformedChannelDataException(what + " is not an object");
    }
    return (Map<?, ?>) value;
  }

  private static String asString(Object value, String what) throws MalformedChannelDataException {
    if (!(value instanceof String)) {
      throw new MalformedChannelDataException(what + " is not a string");
    }
    return (String) value;
  }

  private static long asLong(Object value, String what) throws MalformedChannelDataException {
    if (!(value instanceof Long)) {
      throw new MalformedChannelDataException(what + " is not an integer");
    }
    return (Long) value;
  }
}
