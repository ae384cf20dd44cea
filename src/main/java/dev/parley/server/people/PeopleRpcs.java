package dev.parley.server.people;

import dev.parley.proto.Hangouts.DoNotDisturbSetting;
import dev.parley.proto.Hangouts.Entity;
import dev.parley.proto.Hangouts.EntityLookupSpec;
import dev.parley.proto.Hangouts.EntityResult;
import dev.parley.proto.Hangouts.GetEntityByIdRequest;
import dev.parley.proto.Hangouts.GetEntityByIdResponse;
import dev.parley.proto.Hangouts.GetSelfInfoRequest;
import dev.parley.proto.Hangouts.GetSelfInfoResponse;
import dev.parley.proto.Hangouts.GetSuggestedEntitiesRequest;
import dev.parley.proto.Hangouts.GetSuggestedEntitiesResponse;
import dev.parley.proto.Hangouts.InvitationStatus;
import dev.parley.proto.Hangouts.SearchEntitiesRequest;
import dev.parley.proto.Hangouts.SearchEntitiesResponse;
import dev.parley.proto.Hangouts.SendOffnetworkInvitationRequest;
import dev.parley.proto.Hangouts.SendOffnetworkInvitationResponse;
import dev.parley.proto.Hangouts.SuggestedContact;
import dev.parley.proto.Hangouts.SuggestedContactGroup;
import dev.parley.server.rpc.RpcContext;
import dev.parley.server.rpc.RpcRefusedException;
import dev.parley.server.storage.Account;
import dev.parley.server.storage.PresenceRecord;
import dev.parley.server.storage.Store;
import java.util.Optional;
import java.util.Set;

/** The {@code contacts/*} RPCs and off-network invitations. */
public final class PeopleRpcs {
  public static final int MAX_SEARCH_RESULTS = 50;
  public static final int MAX_LOOKUPS = 500;

  private final Store store;
  private final Entities entities;

  public PeopleRpcs(Store store, Entities entities) {
    this.store = store;
    this.entities = entities;
  }

  public GetSelfInfoResponse.Builder getSelfInfo(RpcContext ctx, GetSelfInfoRequest req) {
    return store.read(
        tx -> {
          Account self =
              tx.account(ctx.accountId())
                  .orElseThrow(() -> new RpcRefusedException("your account no longer exists"));
          GetSelfInfoResponse.Builder response =
              GetSelfInfoResponse.newBuilder().setSelfEntity(entities.entity(self));
          Optional<PresenceRecord> presence = tx.presence(self.id());
          long dnd = presence.map(PresenceRecord::dndExpiresAt).orElse(0L);
          response.setDndState(
              DoNotDisturbSetting.newBuilder()
                  .setDoNotDisturb(dnd > ctx.nowMicros())
                  .setExpirationTimestamp(dnd > ctx.nowMicros() ? dnd : 0));
          return response;
        });
  }

  public GetEntityByIdResponse.Builder getEntityById(RpcContext ctx, GetEntityByIdRequest req) {
    if (req.getBatchLookupSpecCount() > MAX_LOOKUPS) {
      throw new RpcRefusedException("at most " + MAX_LOOKUPS + " lookups per request");
    }
    return store.read(
        tx -> {
          Set<String> contacts = Entities.contactsOf(tx, ctx.accountId());
          GetEntityByIdResponse.Builder response = GetEntityByIdResponse.newBuilder();
          for (EntityLookupSpec spec : req.getBatchLookupSpecList()) {
            Optional<Account> found = Optional.empty();
            if (spec.hasGaiaId() && contacts.contains(spec.getGaiaId())) {
              found = tx.account(spec.getGaiaId());
            } else if (spec.hasEmail()) {
              found = tx.accountByEmail(spec.getEmail().strip());
            }
            EntityResult.Builder result = EntityResult.newBuilder().setLookupSpec(spec);
            found.ifPresent(
                account -> {
                  Entity entity = entities.entity(account);
                  result.addEntity(entity);
                  response.addEntity(entity);
                });
            response.addEntityResult(result);
          }
          return response;
        });
  }

  public SearchEntitiesResponse.Builder searchEntities(RpcContext ctx, SearchEntitiesRequest req) {
    String query = req.getQuery().strip();
    int limit =
        req.getMaxCount() > 0
            ? (int) Math.min(req.getMaxCount(), MAX_SEARCH_RESULTS)
            : MAX_SEARCH_RESULTS;
    if (query.isEmpty()) {
      return SearchEntitiesResponse.newBuilder();
    }
    return store.read(
        tx -> {
          SearchEntitiesResponse.Builder response = SearchEntitiesResponse.newBuilder();
          for (Account account : tx.searchAccounts(query, limit + 1)) {
            if (!account.id().equals(ctx.accountId()) && response.getEntityCount() < limit) {
              response.addEntity(entities.entity(account));
            }
          }
          return response;
        });
  }

  public GetSuggestedEntitiesResponse.Builder getSuggestedEntities(
      RpcContext ctx, GetSuggestedEntitiesRequest req) {
    int limit = req.getMaxCount() > 0 ? (int) Math.min(req.getMaxCount(), 100) : 20;
    return store.read(
        tx -> {
          GetSuggestedEntitiesResponse.Builder response = GetSuggestedEntitiesResponse.newBuilder();
          SuggestedContactGroup.Builder group =
              SuggestedContactGroup.newBuilder().setHashMatched(false);
          for (String id : Entities.contactsOf(tx, ctx.accountId())) {
            if (id.equals(ctx.accountId()) || response.getEntityCount() >= limit) {
              continue;
            }
            tx.account(id)
                .ifPresent(
                    account -> {
                      Entity entity = entities.entity(account);
                      response.addEntity(entity);
                      group.addContact(
                          SuggestedContact.newBuilder()
                              .setEntity(entity)
                              .setInvitationStatus(InvitationStatus.INVITATION_STATUS_ACCEPTED));
                    });
          }
          return response.setContactsYouHangoutWith(group);
        });
  }

  public SendOffnetworkInvitationResponse.Builder sendOffnetworkInvitation(
      RpcContext ctx, SendOffnetworkInvitationRequest req) {
    String email = req.getInviteeAddress().getEmail().strip();
    if (email.isEmpty()
        || email.length() > 320
        || !email.contains("@")
        || email.chars().anyMatch(Character::isISOControl)) {
      throw new RpcRefusedException("invitee_address.email must be an email address");
    }
    store.write(
        tx -> {
          tx.insertInvitation(ctx.accountId(), email, ctx.nowMicros());
          return null;
        });
    return SendOffnetworkInvitationResponse.newBuilder();
  }
}
