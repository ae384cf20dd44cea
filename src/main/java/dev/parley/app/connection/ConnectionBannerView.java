package dev.parley.app.connection;

import dev.parley.app.I18n;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The banner's view: an icon, the message and "Retry now"; takes no space when hidden. */
public final class ConnectionBannerView extends HBox {
  public ConnectionBannerView(ConnectionBannerViewModel vm) {
    super(8);
    setId("connectionBanner");
    getStyleClass().add("connection-banner");
    getStylesheets().add(ConnectionBannerView.class.getResource("connection.css").toExternalForm());
    setAlignment(Pos.CENTER);
    FontIcon icon = new FontIcon("mdi2w-wifi-off");
    icon.getStyleClass().add("connection-banner-icon");
    Label message = new Label();
    message.setId("connectionMessage");
    message.textProperty().bind(vm.messageProperty());
    Hyperlink retry = new Hyperlink(I18n.of(ConnectionBannerView.class).get("retryNow"));
    retry.setId("retryNow");
    retry.visibleProperty().bind(vm.canRetryProperty());
    retry.managedProperty().bind(vm.canRetryProperty());
    retry.setOnAction(e -> vm.retryNow());
    getChildren().addAll(icon, message, retry);
    visibleProperty().bind(vm.visibleProperty());
    managedProperty().bind(vm.visibleProperty());
    accessibleTextProperty().bind(vm.messageProperty());
  }
}
