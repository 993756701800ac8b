package org.entente.server.session;

import com.google.common.collect.ImmutableMap;
import java.util.EnumSet;
import java.util.Set;
import org.entente.proto.protocol.v1.ClientMessage.BodyCase;

/**
 * Which role may send which in-session message. Messages absent from the table are not
 * in-session messages at all (hello and lobby requests) and are refused as unexpected.
 * Finer checks (the own country only, press settings) are made by the handlers.
 */
public final class Permissions {
  private Permissions() {}

  private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
  private static final Set<Role> PLAYERS = EnumSet.of(Role.PLAYER);
  private static final Set<Role> GM = EnumSet.of(Role.GAME_MASTER);

  private static final ImmutableMap<BodyCase, Set<Role>> TABLE = ImmutableMap.<BodyCase, Set<Role>>builder()
      .put(BodyCase.EDIT_DRAFT, PLAYERS)
      .put(BodyCase.SET_READY, PLAYERS)
      .put(BodyCase.SEND_MESSAGE, PLAYERS)
      .put(BodyCase.GET_HISTORY, EVERYONE)
      .put(BodyCase.GET_VIEW, EVERYONE)
      .put(BodyCase.GET_BRIEFING, EVERYONE)
      .put(BodyCase.LEAVE_SESSION, EVERYONE)
      .put(BodyCase.START_GAME, GM)
      .put(BodyCase.PAUSE_GAME, GM)
      .put(BodyCase.RESUME_GAME, GM)
      .put(BodyCase.EXTEND_DEADLINE, GM)
      .put(BodyCase.FORCE_RESOLUTION, GM)
      .put(BodyCase.INJECT_EVENT, GM)
      .put(BodyCase.MOVE_SEAT, GM)
      .put(BodyCase.REMOVE_SEAT, GM)
      .put(BodyCase.END_GAME, GM)
      .put(BodyCase.ANNOUNCE, GM)
      .put(BodyCase.EXPORT_RECORD, GM)
      .put(BodyCase.ASSIGN_BOT, GM)
      .put(BodyCase.RELEASE_BOT, GM)
      .build();

  public static boolean isInSessionMessage(BodyCase kind) {
    return TABLE.containsKey(kind);
  }

  public static boolean allows(Role role, BodyCase kind) {
    Set<Role> roles = TABLE.get(kind);
    return roles != null && roles.contains(role);
  }
}
