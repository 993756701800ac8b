package org.entente.engine.model;

/**
 * Every order kind the engine knows. The mechanics of each are fixed in the engine; their
 * cost, preconditions and effects are scenario data ({@link OrderRule}).
 */
public enum OrderKind {
  REQUEST_CONSULTATION(Group.LEGAL),
  REQUEST_ASSISTANCE(Group.LEGAL),
  RESPOND(Group.ORGANISATION),
  ORG_PROPOSAL(Group.ORGANISATION),
  OBJECT(Group.ORGANISATION),
  STAND_ASIDE(Group.ORGANISATION),
  FREEZE(Group.LEGAL),
  RESUME(Group.LEGAL),
  WITHHOLD_DUES(Group.LEGAL),
  ANNOUNCE_INTENT(Group.STATEMENT),
  GIVE_NOTICE(Group.LEGAL),
  RESCIND_NOTICE(Group.LEGAL),
  APPLY_MEMBERSHIP(Group.LEGAL),
  PROPOSE_PARTNERSHIP(Group.BILATERAL),
  JOINT_EXERCISE(Group.BILATERAL),
  ARMS_DEAL(Group.BILATERAL),
  MEDIATE(Group.BILATERAL),
  ACCEPT_MEDIATION(Group.BILATERAL),
  PEACE_STEP(Group.BILATERAL),
  ECONOMIC_PRESSURE(Group.PRESSURE),
  ESCALATE(Group.PRESSURE),
  PRESENCE(Group.PRESSURE),
  LOBBY(Group.PRESSURE),
  STATEMENT(Group.STATEMENT);

  /** Broad families, used for help texts and grouping in reports. */
  public enum Group {
    LEGAL,
    ORGANISATION,
    BILATERAL,
    PRESSURE,
    STATEMENT
  }

  private final Group group;

  OrderKind(Group group) {
    this.group = group;
  }

  public Group group() {
    return group;
  }

  /** Whether the kind names an organisation. */
  public boolean takesOrganisation() {
    switch (this) {
      case REQUEST_CONSULTATION:
      case REQUEST_ASSISTANCE:
      case RESPOND:
      case ORG_PROPOSAL:
      case OBJECT:
      case STAND_ASIDE:
      case FREEZE:
      case RESUME:
      case WITHHOLD_DUES:
      case ANNOUNCE_INTENT:
      case GIVE_NOTICE:
      case RESCIND_NOTICE:
      case APPLY_MEMBERSHIP:
        return true;
      default:
        return false;
    }
  }
}
