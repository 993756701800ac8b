package org.entente.server.session;

import java.util.Optional;
import org.entente.engine.order.Order;
import org.entente.engine.order.OrderCheck;
import org.entente.engine.report.ReportLine;
import org.entente.engine.report.Viewer;
import org.entente.engine.report.Visibility;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.scenario.v1.OrderKind;

/**
 * Translation between domain values (the engine's orders, checks, report lines and viewers;
 * the session's drafts and messages) and wire messages: the one place they are mapped.
 */
public final class Wire {
  private Wire() {}

  /**
   * A client's structured order for {@code actor}, or empty for a text-only order (no kind, or
   * a kind this server does not know): its {@code text} is then parsed by the rules.
   */
  public static Optional<Order> order(org.entente.proto.protocol.v1.Order o, String actor) {
    if (o.getKind() == OrderKind.ORDER_KIND_UNSPECIFIED || o.getKind() == OrderKind.UNRECOGNIZED) {
      return Optional.empty();
    }
    return Optional.of(
        new Order(
            actor,
            org.entente.engine.model.OrderKind.valueOf(o.getKind().name()),
            o.getOrg(),
            o.getTarget(),
            o.getOther(),
            o.getOption(),
            o.getPresence(),
            o.getFreeText()));
  }

  public static org.entente.proto.protocol.v1.Order order(Order o) {
    return org.entente.proto.protocol.v1.Order.newBuilder()
        .setActor(o.actor())
        .setKind(OrderKind.valueOf(o.kind().name()))
        .setOrg(o.org())
        .setTarget(o.target())
        .setOther(o.other())
        .setOption(o.option())
        .setPresence(o.presence())
        .setFreeText(o.text())
        .build();
  }

  /** Why the rules refused an order, for a person: the engine's reason, with its column if it has one. */
  public static String refusal(OrderCheck check) {
    return check.column() > 0 ? "Column " + check.column() + ": " + check.reason() : check.reason();
  }

  /**
   * A report line as {@code viewer} receives it, or empty if the line is not for them: the
   * engine's visibility rule decides ({@link #shows}), the same rule its own reports and
   * conformance cases use.
   */
  public static Optional<org.entente.proto.protocol.v1.ReportLine> reportLine(
      ReportLine line, Viewer viewer) {
    return shows(line, viewer) ? Optional.of(reportLine(line)) : Optional.empty();
  }

  /** Whether {@code viewer} may read {@code line}: the engine's visibility rule, nothing else. */
  static boolean shows(ReportLine line, Viewer viewer) {
    return line.visibility().visibleTo(viewer);
  }

  /** A report line's wire form, the same for every viewer who may read it ({@link #shows}). */
  static org.entente.proto.protocol.v1.ReportLine reportLine(ReportLine line) {
    Visibility.Scope scope = line.visibility().scope();
    return org.entente.proto.protocol.v1.ReportLine.newBuilder()
        .setText(line.render())
        .setVisibility(scope == Visibility.Scope.ACTORS ? "PRIVATE" : scope.name())
        .setProposal(proposal(line.proposal()))
        .build();
  }

  /** The wire's name for what became of a bilateral proposal. */
  static org.entente.proto.protocol.v1.Proposal proposal(ReportLine.Proposal p) {
    // No default: a new outcome does not compile until it has a wire name.
    return switch (p) {
      case NONE -> org.entente.proto.protocol.v1.Proposal.PROPOSAL_NONE;
      case AGREED -> org.entente.proto.protocol.v1.Proposal.PROPOSAL_AGREED;
      case FAILED -> org.entente.proto.protocol.v1.Proposal.PROPOSAL_FAILED;
      case UNMATCHED -> org.entente.proto.protocol.v1.Proposal.PROPOSAL_UNMATCHED;
      case OFFER -> org.entente.proto.protocol.v1.Proposal.PROPOSAL_OFFER;
    };
  }

  /** The role a viewer has in a session. */
  public static org.entente.proto.protocol.v1.Role role(Viewer viewer) {
    switch (viewer.kind()) {
      case ACTOR:
        return org.entente.proto.protocol.v1.Role.PLAYER;
      case PUBLIC:
        return org.entente.proto.protocol.v1.Role.SPECTATOR;
      case GAME_MASTER:
        return org.entente.proto.protocol.v1.Role.GAME_MASTER;
      default:
        throw new AssertionError(viewer.kind());
    }
  }

  public static org.entente.proto.protocol.v1.Role role(Role role) {
    switch (role) {
      case PLAYER:
        return org.entente.proto.protocol.v1.Role.PLAYER;
      case SPECTATOR:
        return org.entente.proto.protocol.v1.Role.SPECTATOR;
      case GAME_MASTER:
        return org.entente.proto.protocol.v1.Role.GAME_MASTER;
      default:
        throw new AssertionError(role);
    }
  }

  public static org.entente.proto.protocol.v1.Phase phase(Phase phase) {
    switch (phase) {
      case WAITING:
        return org.entente.proto.protocol.v1.Phase.WAITING;
      case RUNNING:
        return org.entente.proto.protocol.v1.Phase.RUNNING;
      case PAUSED:
        return org.entente.proto.protocol.v1.Phase.PAUSED;
      case ENDED:
        return org.entente.proto.protocol.v1.Phase.ENDED;
      default:
        throw new AssertionError(phase);
    }
  }

  public static org.entente.proto.protocol.v1.Draft draft(Draft d) {
    org.entente.proto.protocol.v1.Draft.Builder b =
        org.entente.proto.protocol.v1.Draft.newBuilder()
            .setCountry(d.country())
            .setTurn(d.turn())
            .setReady(d.ready());
    for (DraftOrder o : d.orders()) {
      b.addOrders(
          org.entente.proto.protocol.v1.DraftOrder.newBuilder()
              .setOrderId(o.id())
              .setOrder(order(o.order()))
              .setText(o.text())
              .setAuthor(o.author()));
    }
    return b.build();
  }

  public static org.entente.proto.protocol.v1.ChatMessage chat(long seq, ChatMessage m) {
    return org.entente.proto.protocol.v1.ChatMessage.newBuilder()
        .setSeq(seq)
        .setChannel(m.channel())
        .setFromCountry(m.fromCountry())
        .setFromName(m.fromName())
        .setToCountry(m.toCountry())
        .setText(m.text())
        .setTurn(m.turn())
        .setEpochMillis(m.epochMillis())
        .build();
  }

  public static ServerMessage error(long requestId, ErrorCode code, String message) {
    return ServerMessage.newBuilder()
        .setRequestId(requestId)
        .setError(
            org.entente.proto.protocol.v1.Error.newBuilder().setCode(code).setMessage(message))
        .build();
  }

  /** Room left in a frame for an error's problems, after its code, message and envelope. */
  static final int PROBLEM_BUDGET_BYTES = org.entente.server.net.Frames.MAX_FRAME_BYTES - 4 * 1024;

  /**
   * A refusal carrying {@code e}'s problems, as many as fit in one frame; the rest are counted
   * in {@code omitted_problems} and named in the message, so a long list is never an internal error.
   */
  public static ServerMessage error(long requestId, RequestException e) {
    org.entente.proto.protocol.v1.Error.Builder error =
        org.entente.proto.protocol.v1.Error.newBuilder()
            .setCode(e.code())
            .setMessage(e.getMessage());
    int used = 0;
    int kept = 0;
    for (String problem : e.problems()) {
      int size = com.google.protobuf.CodedOutputStream.computeStringSize(3, problem);
      if (used + size > PROBLEM_BUDGET_BYTES) {
        break;
      }
      error.addProblems(problem);
      used += size;
      kept++;
    }
    int omitted = e.problems().size() - kept;
    if (omitted > 0) {
      error
          .setOmittedProblems(omitted)
          .setMessage(
              e.getMessage()
                  + " The first "
                  + kept
                  + " are listed; "
                  + omitted
                  + " more did not fit in one answer.");
    }
    return ServerMessage.newBuilder().setRequestId(requestId).setError(error).build();
  }
}
