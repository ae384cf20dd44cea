package dev.parley.app.conversation;

import dev.parley.app.session.SendState;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Skin;
import javafx.scene.control.skin.ListViewSkin;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * The timeline's virtualised list. It keeps the scroll position stable: when rows are added or
 * removed above the first visible row (older history), that row stays exactly where it was; when
 * rows are appended while the newest is in sight, it stays in sight. It reports when the user
 * reaches the top (load older history) and whether the bottom is in sight.
 */
final class TimelineListView extends ListView<TimelineRow> {
  /** What the list tells its owner, always later on the FX thread (never during layout). */
  interface Listener {
    void reachedTop();

    void atBottomChanged(boolean atBottom);
  }

  private sealed interface Pending {}

  private record Bottom() implements Pending {}

  private record Anchor(int index, double offset) implements Pending {}

  private final Listener listener;
  private final ListChangeListener<TimelineRow> itemsListener = this::itemsChanged;
  private ObservableList<TimelineRow> observed;
  private Flow flow;
  private Pending pending;
  private boolean atBottom = true;
  private boolean reportedBottom;
  private boolean reportedAny;
  private int lastTopTriggerCount = -1;
  private boolean userScrolled;

  TimelineListView(Listener listener) {
    this.listener = listener;
    observed = getItems();
    observed.addListener(itemsListener);
    // An invalidation listener: a change listener compares lists with equals(), and two empty
    // lists are equal, so swapping one empty list for another would go unnoticed.
    // What the user does to move the list; anything else (rows growing as their pictures or
    // fonts arrive) must not unstick the list from the bottom.
    addEventFilter(ScrollEvent.ANY, e -> userScrolled = true);
    addEventFilter(MouseEvent.MOUSE_PRESSED, e -> userScrolled = true);
    addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> userScrolled = true);
    addEventFilter(KeyEvent.KEY_PRESSED, e -> userScrolled = true);
    // Tabbing in puts the keyboard on a message in sight (the newest one), not on a row far away.
    focusedProperty()
        .addListener(
            (obs, was, focused) -> {
              if (focused) {
                focusRowInSight();
              }
            });
    itemsProperty()
        .addListener(
            (Observable obs) -> {
              if (observed != null) {
                observed.removeListener(itemsListener);
              }
              observed = getItems();
              if (observed != null) {
                observed.addListener(itemsListener);
              }
            });
  }

  @Override
  protected Skin<?> createDefaultSkin() {
    return new ListViewSkin<>(this) {
      @Override
      protected VirtualFlow<ListCell<TimelineRow>> createVirtualFlow() {
        flow = new Flow();
        return flow;
      }
    };
  }

  /** Scrolls so that the newest row is in sight, bottom aligned. */
  void jumpToBottom() {
    pending = new Bottom();
    requestFlowLayout();
  }

  /** Scrolls so that row {@code index} is at the top. */
  void showRowAtTop(int index) {
    pending = new Anchor(Math.max(0, index), 0);
    requestFlowLayout();
  }

  private void focusRowInSight() {
    if (flow == null || getItems().isEmpty()) {
      return;
    }
    ListCell<TimelineRow> first = flow.getFirstVisibleCell();
    ListCell<TimelineRow> last = flow.getLastVisibleCell();
    if (first == null || last == null) {
      return;
    }
    int focused = getFocusModel().getFocusedIndex();
    if (focused < first.getIndex() || focused > last.getIndex()) {
      getFocusModel().focus(last.getIndex());
    }
  }

  boolean isAtBottom() {
    return atBottom;
  }

  VirtualFlow<ListCell<TimelineRow>> flow() {
    return flow;
  }

  private void requestFlowLayout() {
    requestLayout();
    if (flow != null) {
      flow.requestLayout();
    }
  }

  private void itemsChanged(ListChangeListener.Change<? extends TimelineRow> c) {
    if (flow == null || pending instanceof Bottom) {
      return;
    }
    int index;
    double offset;
    if (pending instanceof Anchor a) {
      index = a.index();
      offset = a.offset();
    } else {
      ListCell<TimelineRow> first = flow.getFirstVisibleCell();
      if (first == null) {
        return;
      }
      index = first.getIndex();
      offset = first.getLayoutY();
    }
    boolean structural = false;
    boolean appendedAtEnd = false;
    boolean ownSent = false;
    int size = getItems().size();
    while (c.next()) {
      if (c.wasPermutated() || c.wasUpdated()) {
        continue;
      }
      int from = c.getFrom();
      int removed = c.getRemovedSize();
      int added = c.getAddedSize();
      if (removed == added) {
        continue; // replaced in place: nothing moves
      }
      structural = true;
      if (added > 0 && c.getTo() == size) {
        appendedAtEnd = true;
        for (TimelineRow row : c.getAddedSubList()) {
          if (row instanceof TimelineRow.Message m && m.own() && m.state() == SendState.PENDING) {
            ownSent = true;
          }
        }
      }
      if (from <= index) {
        index = from + removed > index ? from : index + added - removed;
      }
    }
    if (!structural) {
      return;
    }
    // With the newest row in sight it stays in sight, whether rows came below it or (a group
    // rejoined, a short conversation's history arriving) above; only a scroll someone asked for
    // (the unread divider on open) or a reader scrolled up keeps its top row where it was.
    boolean keepNewest = atBottom && (appendedAtEnd || !(pending instanceof Anchor));
    pending = keepNewest || ownSent ? new Bottom() : new Anchor(index, offset);
    requestFlowLayout();
  }

  /** The flow: applies the pending scroll in the same layout pass, then reports its edges. */
  final class Flow extends VirtualFlow<ListCell<TimelineRow>> {
    private boolean inLayout;

    Flow() {
      // The wheel and the scroll bar move the cells without a layout pass: report then too.
      positionProperty()
          .addListener(
              (obs, was, is) -> {
                if (!inLayout && getCellCount() == getItems().size()) {
                  report();
                }
              });
    }

    @Override
    protected void layoutChildren() {
      inLayout = true;
      try {
        layoutAndScroll();
      } finally {
        inLayout = false;
      }
    }

    private void layoutAndScroll() {
      super.layoutChildren();
      int count = getCellCount();
      if (getHeight() <= 0 || count != getItems().size()) {
        return; // not sized yet, or the skin has not caught up with the items: later
      }
      Pending now = pending;
      pending = null;
      if (now == null && atBottom && !userScrolled && !isAtEnd()) {
        now = new Bottom(); // rows or the viewport changed size: keep the newest row in sight
      }
      userScrolled = false;
      if (now instanceof Anchor a && count > 0) {
        this.scrollToTop(Math.min(a.index(), count - 1));
        super.layoutChildren();
        if (a.offset() != 0) {
          this.scrollPixels(-a.offset());
        }
      } else if (now instanceof Bottom && count > 0) {
        this.scrollTo(count - 1);
        super.layoutChildren();
        ListCell<TimelineRow> last = getLastVisibleCell();
        if (last != null && last.getIndex() == count - 1) {
          double overflow = last.getLayoutY() + last.getHeight() - getHeight();
          if (overflow > 0.5) {
            scrollPixels(overflow);
          }
        } else {
          setPosition(1);
          super.layoutChildren();
        }
      }
      report();
    }

    private boolean isAtEnd() {
      int count = getCellCount();
      ListCell<TimelineRow> last = getLastVisibleCell();
      return count == 0
          || (last != null
              && last.getIndex() == count - 1
              && last.getLayoutY() + last.getHeight() <= getHeight() + 1);
    }

    private void report() {
      int count = getCellCount();
      ListCell<TimelineRow> first = getFirstVisibleCell();
      boolean top =
          count == 0 || (first != null && first.getIndex() == 0 && first.getLayoutY() > -1);
      boolean bottom = isAtEnd();
      atBottom = bottom;
      if (!reportedAny || bottom != reportedBottom) {
        reportedAny = true;
        reportedBottom = bottom;
        Platform.runLater(() -> listener.atBottomChanged(bottom));
      }
      if (top && count > 0 && count != lastTopTriggerCount) {
        lastTopTriggerCount = count;
        Platform.runLater(listener::reachedTop);
      } else if (!top) {
        lastTopTriggerCount = -1;
      }
    }
  }
}
