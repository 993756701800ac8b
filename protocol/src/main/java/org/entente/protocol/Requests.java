package org.entente.protocol;

import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ClientMessage.BodyCase;
import org.entente.proto.protocol.v1.ConnectionStage;
import org.entente.proto.protocol.v1.Contract;
import org.entente.proto.protocol.v1.RateClass;
import org.entente.proto.protocol.v1.RequestContract;
import org.entente.proto.protocol.v1.Role;

/**
 * The request contract, read once from the {@code (request)} option that protocol.proto
 * declares on every field of {@code ClientMessage.body}. The server's dispatch, permissions
 * and limits and the clients' retries all ask here, so a request kind is described in one
 * place only. Loading fails if a body field lacks the option or declares it inconsistently.
 */
public final class Requests {
  /** The contract of one request kind. */
  public record Kind(
      BodyCase body,
      ConnectionStage stage,
      Set<Role> roles,
      boolean changesSession,
      RateClass rateClass) {
    /** May a seat of {@code role} send it (in-session requests only)? */
    public boolean allows(Role role) {
      return roles.contains(role);
    }

    /** The message's name as written in the protocol, e.g. {@code edit_draft}. */
    public String wireName() {
      return ClientMessage.getDescriptor().findFieldByNumber(body.getNumber()).getName();
    }
  }

  private static final Map<BodyCase, Kind> KINDS = load();

  private Requests() {}

  /** The contract of {@code body}; {@link BodyCase#BODY_NOT_SET} has none. */
  public static Kind of(BodyCase body) {
    Kind kind = KINDS.get(body);
    if (kind == null) {
      throw new IllegalArgumentException("no request contract for " + body);
    }
    return kind;
  }

  /** Every request kind, in the order protocol.proto declares them. */
  public static Iterable<Kind> all() {
    return KINDS.values();
  }

  /** Should a client resend {@code body} (with its idempotency key) after a reconnect? */
  public static boolean changesSession(BodyCase body) {
    return body != BodyCase.BODY_NOT_SET && of(body).changesSession();
  }

  private static Map<BodyCase, Kind> load() {
    Map<BodyCase, Kind> kinds = new EnumMap<>(BodyCase.class);
    for (FieldDescriptor field : ClientMessage.getDescriptor().getOneofs().get(0).getFields()) {
      if (!field.getOptions().hasExtension(Contract.request)) {
        throw new IllegalStateException(
            "ClientMessage." + field.getName() + " declares no (request) contract");
      }
      RequestContract c = field.getOptions().getExtension(Contract.request);
      Set<Role> roles =
          c.getRolesList().isEmpty()
              ? EnumSet.noneOf(Role.class)
              : EnumSet.copyOf(c.getRolesList());
      boolean inSession = c.getStage() == ConnectionStage.IN_SESSION;
      if (c.getStage() == ConnectionStage.CONNECTION_STAGE_UNSPECIFIED
          || c.getRateClass() == RateClass.RATE_CLASS_UNSPECIFIED
          || inSession == roles.isEmpty()) {
        throw new IllegalStateException(
            "ClientMessage."
                + field.getName()
                + ": a request contract needs a stage, a rate class, and roles exactly when the stage is IN_SESSION");
      }
      BodyCase body = BodyCase.forNumber(field.getNumber());
      kinds.put(
          body,
          new Kind(
              body,
              c.getStage(),
              Collections.unmodifiableSet(roles),
              c.getChangesSession(),
              c.getRateClass()));
    }
    return Collections.unmodifiableMap(kinds);
  }
}
