package dev.parley.app.conversation;

import dev.parley.app.I18n;
import dev.parley.app.session.ChatMessage;
import dev.parley.app.ui.ImageLoader;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.scene.Node;

/** What every timeline cell needs: images, words and the actions its nodes trigger. */
record TimelineContext(
    ImageLoader images,
    I18n text,
    Consumer<String> openLink,
    Consumer<String> openImage,
    Consumer<ChatMessage> retry,
    Consumer<String> showMore,
    BiConsumer<Node, String> showProfile) {}
