/**
 * hangups' example scripts, in Java: small programs that use the Parley client library against a
 * running server. Each has a {@code main} and a method taking its {@link
 * dev.parley.examples.ExampleArgs options} and a {@code PrintStream}, which {@code ExamplesRunTest}
 * runs against an in-process demo server.
 *
 * <ul>
 *   <li>{@link dev.parley.examples.SendMessage}: send a message ({@code --conversation}, {@code
 *       --message}), low-level API
 *   <li>{@link dev.parley.examples.ReceiveMessages}: print chat messages as they arrive ({@code
 *       [--seconds]}), high-level API
 *   <li>{@link dev.parley.examples.BuildConversationList}: print the user and conversation lists
 *   <li>{@link dev.parley.examples.PageEvents}: page back to the start of a conversation's history
 *       ({@code --conversation}, {@code [--max-events]})
 *   <li>{@link dev.parley.examples.UploadImage}: upload an image and send it ({@code
 *       --conversation}, {@code --image}, {@code [--message]})
 *   <li>{@link dev.parley.examples.CreateGroup}: create a group ({@code --user}..., {@code
 *       [--name]})
 *   <li>{@link dev.parley.examples.QueryPresence}: ask for people's presence ({@code [--user]...})
 * </ul>
 *
 * <h2>Running them</h2>
 *
 * <p>Start a demo server in one terminal (from the Maven module's directory):
 *
 * <pre>
 * ./mvnw -q package -DskipTests
 * java -jar target/parley.jar server --demo --data-dir demo-data
 * </pre>
 *
 * <p>Then, in another, run an example. The first run asks for the demo owner's email and password
 * ({@code you@parley.local} / {@code parley-demo}) and keeps a refresh token in {@code
 * --token-file}, so later runs do not ask again. {@code BuildConversationList} prints the
 * conversation ids the other examples need:
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.parley.examples.BuildConversationList \
 *     -Dexec.args="--server http://127.0.0.1:8080 --token-file /tmp/parley-token"
 *
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.parley.examples.SendMessage \
 *     -Dexec.args="--server http://127.0.0.1:8080 --token-file /tmp/parley-token \
 *         --conversation UgXXXX --message 'hi **there**'"
 *
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.parley.examples.ReceiveMessages \
 *     -Dexec.args="--server http://127.0.0.1:8080 --token-file /tmp/parley-token --seconds 60"
 *
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.parley.examples.PageEvents \
 *     -Dexec.args="--server http://127.0.0.1:8080 --token-file /tmp/parley-token \
 *         --conversation UgXXXX --max-events 10"
 *
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.parley.examples.UploadImage \
 *     -Dexec.args="--server http://127.0.0.1:8080 --token-file /tmp/parley-token \
 *         --conversation UgXXXX --image photo.jpg --message 'look at this'"
 *
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.parley.examples.CreateGroup \
 *     -Dexec.args="--server http://127.0.0.1:8080 --token-file /tmp/parley-token \
 *         --user maya@parley.local --user jonas@parley.local --name 'Lunch plans'"
 *
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.parley.examples.QueryPresence \
 *     -Dexec.args="--server http://127.0.0.1:8080 --token-file /tmp/parley-token"
 * </pre>
 *
 * <p>In the demo, the conversation with Parley Bot answers every message ("You said: ..."), so
 * {@code ReceiveMessages} in one terminal and {@code SendMessage} to that conversation in another
 * show a round trip. Without {@code --seconds}, {@code ReceiveMessages} runs until Ctrl-C.
 */
package dev.parley.examples;
