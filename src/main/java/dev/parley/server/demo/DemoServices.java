package dev.parley.server.demo;

import dev.parley.server.auth.Accounts;
import dev.parley.server.conversations.Ids;
import dev.parley.server.conversations.ManagementRpcs;
import dev.parley.server.conversations.MembershipRpcs;
import dev.parley.server.conversations.MessagingRpcs;
import dev.parley.server.conversations.SignalRpcs;
import dev.parley.server.media.MediaFiles;
import java.util.Objects;

/** The server's own services the demo world acts through, exactly as clients' requests do. */
public record DemoServices(
    Accounts accounts,
    MediaFiles mediaFiles,
    Ids ids,
    MessagingRpcs messaging,
    ManagementRpcs management,
    MembershipRpcs membership,
    SignalRpcs signals) {

  public DemoServices {
    Objects.requireNonNull(accounts, "accounts");
    Objects.requireNonNull(mediaFiles, "mediaFiles");
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(messaging, "messaging");
    Objects.requireNonNull(management, "management");
    Objects.requireNonNull(membership, "membership");
    Objects.requireNonNull(signals, "signals");
  }
}
