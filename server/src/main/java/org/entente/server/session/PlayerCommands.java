package org.entente.server.session;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.entente.engine.order.Order;
import org.entente.engine.order.OrderCheck;
import org.entente.engine.report.Viewer;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.DraftUpdated;
import org.entente.proto.protocol.v1.EditDraft;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.GetHistory;
import org.entente.proto.protocol.v1.HistoryPage;
import org.entente.proto.protocol.v1.Ok;
import org.entente.proto.protocol.v1.SendMessage;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.SetReady;
import org.entente.proto.scenario.v1.Press;

/**
 * Players' requests (drafts, readiness, chat) and the reads every seat may make (history,
 * view, briefing). {@link SessionDispatch} has checked the role.
 */
final class PlayerCommands {
  static final int MAX_TEXT = 2000;
  static final int MAX_PAGE = 100;
  static final int DEFAULT_PAGE = 50;
  static final int MAX_ORDERS = 20;

  /** A history page stays well under the 64 KiB frame limit, whatever the messages' lengths. */
  static final int MAX_PAGE_BYTES = 48 * 1024;

  private final GameSession session;
  private final SessionState state;

  PlayerCommands(GameSession session) {
    this.session = session;
    this.state = session.state;
  }

  ServerMessage.Builder view(Seat seat) {
    return ServerMessage.newBuilder()
        .setView(Views.view(state, seat.viewer(), session.rules.snapshot()));
  }

  /** What the scenario says, for this seat (built once per viewer: {@link SessionBriefings}). */
  ServerMessage.Builder briefing(Seat seat) {
    return session.briefings.briefing(seat);
  }

  ServerMessage.Builder editDraft(Seat seat, EditDraft edit) throws RequestException {
    requireOpenTurn(edit.getTurn());
    Draft draft = state.draft(seat.country);
    List<DraftOrder> orders = new ArrayList<>(draft.orders());
    switch (edit.getEditCase()) {
      case ADD:
        if (orders.size() >= MAX_ORDERS) {
          throw new RequestException(
              ErrorCode.INVALID_REQUEST, "A draft holds at most " + MAX_ORDERS + " orders.");
        }
        orders.add(checked(seat, draft, -1, edit.getAdd()));
        break;
      case REPLACE:
        int index = indexOf(orders, edit.getReplace().getOrderId());
        orders.set(index, checked(seat, draft, index, edit.getReplace().getOrder()));
        break;
      case REMOVE_ORDER_ID:
        orders.remove(indexOf(orders, edit.getRemoveOrderId()));
        break;
      case CLEAR:
        orders.clear();
        break;
      default:
        throw new RequestException(
            ErrorCode.INVALID_REQUEST,
            "EditDraft needs one of add, replace, remove_order_id or clear.");
    }
    Draft edited = draft.with(ImmutableList.copyOf(orders));
    session.commit(new SessionEvent.DraftEdited(edited, seat.name));
    if (draft.ready()) {
      session.commit(new SessionEvent.ReadinessChanged(seat.country, state.turn, false));
    }
    // The team's orders changed: every member who had said ready looks again.
    for (Seat member : state.seats()) {
      if (member.role == Role.PLAYER
          && member.country.equals(seat.country)
          && member.readyTurn != 0) {
        session.commit(
            new SessionEvent.SeatStatusChanged(
                member.id, member.country, member.link != null, 0, "the orders changed"));
      }
    }
    return ServerMessage.newBuilder()
        .setDraftUpdated(
            DraftUpdated.newBuilder().setDraft(Wire.draft(edited)).setEditor(seat.name));
  }

  /** Validates through the rules; {@code replacing} is the index of the order being replaced, or -1. */
  private DraftOrder checked(
      Seat seat, Draft draft, int replacing, org.entente.proto.protocol.v1.Order candidate)
      throws RequestException {
    if (!candidate.getActor().isEmpty() && !candidate.getActor().equals(seat.country)) {
      throw new RequestException(
          ErrorCode.PERMISSION_DENIED,
          "You play " + seat.country + " and cannot order for " + candidate.getActor() + ".");
    }
    Optional<Order> structured = Wire.order(candidate, seat.country);
    if (structured.isEmpty() && candidate.getText().isBlank()) {
      throw new RequestException(ErrorCode.INVALID_REQUEST, "An order needs a kind or its text.");
    }
    List<Order> others = new ArrayList<>(draft.plainOrders());
    if (replacing >= 0) {
      others.remove(replacing);
    }
    OrderCheck check =
        structured.isPresent()
            ? session.rules.check(others, structured.get())
            : session.rules.check(seat.country, others, candidate.getText());
    switch (check.verdict()) {
      case ACCEPTED:
        long id = replacing >= 0 ? draft.orders().get(replacing).id() : state.newOrderId();
        Order order = check.order().orElseThrow();
        return new DraftOrder(id, order, order.toText(), seat.name);
      case NOT_UNDERSTOOD:
        throw new RequestException(ErrorCode.ORDER_NOT_UNDERSTOOD, Wire.refusal(check));
      case NOT_ALLOWED:
        throw new RequestException(ErrorCode.ORDER_NOT_ALLOWED, Wire.refusal(check));
      default:
        throw new AssertionError(check.verdict());
    }
  }

  private static int indexOf(List<DraftOrder> orders, long orderId) throws RequestException {
    for (int i = 0; i < orders.size(); i++) {
      if (orders.get(i).id() == orderId) {
        return i;
      }
    }
    throw new RequestException(ErrorCode.NOT_FOUND, "Your draft has no order " + orderId + ".");
  }

  ServerMessage.Builder setReady(Seat seat, SetReady request) throws RequestException {
    requireOpenTurn(request.getTurn());
    int readyTurn = request.getReady() ? state.turn : 0;
    if (seat.readyTurn != readyTurn) {
      session.commit(
          new SessionEvent.SeatStatusChanged(
              seat.id,
              seat.country,
              true,
              readyTurn,
              request.getReady() ? "ready" : "no longer ready"));
    }
    session.turns.syncTeamReadiness(seat.country);
    ServerMessage.Builder ok = ServerMessage.newBuilder().setOk(Ok.getDefaultInstance());
    session.turns.resolveIfAllReady();
    return ok;
  }

  private void requireOpenTurn(int turn) throws RequestException {
    if (state.phase != Phase.RUNNING) {
      throw new RequestException(
          ErrorCode.WRONG_PHASE,
          state.phase == Phase.WAITING
              ? "The game has not started yet."
              : state.phase == Phase.PAUSED ? "The game is paused." : "The game has ended.");
    }
    if (turn != state.turn) {
      throw new RequestException(
          ErrorCode.WRONG_TURN,
          "Turn " + turn + " is not open; the current turn is " + state.turn + ".");
    }
  }

  ServerMessage.Builder sendMessage(Seat seat, SendMessage request) throws RequestException {
    if (seat.muted) {
      throw new RequestException(ErrorCode.PERMISSION_DENIED, "The game master has muted you.");
    }
    String text = validText(request.getText());
    Channel channel = request.getChannel();
    String to;
    switch (channel) {
      case PRIVATE:
        if (state.press != Press.FULL) {
          throw new RequestException(
              ErrorCode.PRESS_RESTRICTED,
              "Private messages are off in this session (press: " + state.press + ").");
        }
        to = request.getToCountry();
        if (!state.scenario.isPlayable(to)) {
          throw new RequestException(ErrorCode.NOT_FOUND, "No playable country '" + to + "'.");
        }
        if (to.equals(seat.country)) {
          throw new RequestException(
              ErrorCode.INVALID_REQUEST, "Use the TEAM channel to write to your own team.");
        }
        break;
      case TEAM:
        to = seat.country;
        break;
      case PUBLIC:
        if (state.press == Press.NONE) {
          throw new RequestException(
              ErrorCode.PRESS_RESTRICTED,
              "Public statements are off in this session (press: NONE).");
        }
        to = "";
        break;
      case ANNOUNCEMENT:
        throw new RequestException(
            ErrorCode.PERMISSION_DENIED, "Only the game master makes announcements.");
      default:
        throw new RequestException(
            ErrorCode.INVALID_REQUEST, "Choose a channel: PRIVATE, TEAM or PUBLIC.");
    }
    ChatMessage chat =
        new ChatMessage(
            channel, seat.country, seat.name, to, text, state.turn, session.clock.millis());
    long seq = session.commit(new SessionEvent.MessagePosted(chat));
    return ServerMessage.newBuilder()
        .setHistoryPage(HistoryPage.newBuilder().addMessages(Wire.chat(seq, chat)));
  }

  static String validText(String text) throws RequestException {
    if (text.isBlank()) {
      throw new RequestException(ErrorCode.INVALID_REQUEST, "The text is empty.");
    }
    if (text.length() > MAX_TEXT) {
      throw new RequestException(
          ErrorCode.INVALID_REQUEST, "The text is longer than " + MAX_TEXT + " characters.");
    }
    return text;
  }

  ServerMessage.Builder history(Seat seat, GetHistory request) throws RequestException {
    int limit = request.getLimit() == 0 ? DEFAULT_PAGE : request.getLimit();
    if (limit > MAX_PAGE) {
      throw new RequestException(
          ErrorCode.INVALID_REQUEST, "A history page holds at most " + MAX_PAGE + " messages.");
    }
    long before = request.getBeforeSeq() == 0 ? Long.MAX_VALUE : request.getBeforeSeq();
    Viewer viewer = seat.viewer();
    HistoryPage.Builder page = HistoryPage.newBuilder();
    int bytes = 0;
    List<SessionState.ChatMessageAt> all = state.messages;
    for (int i = all.size() - 1; i >= 0; i--) {
      SessionState.ChatMessageAt m = all.get(i);
      if (m.seq() >= before || !Views.mayRead(m.message(), viewer)) {
        continue;
      }
      org.entente.proto.protocol.v1.ChatMessage wire = Wire.chat(m.seq(), m.message());
      bytes += wire.getSerializedSize() + 8;
      if (page.getMessagesCount() == limit || bytes > MAX_PAGE_BYTES) {
        page.setMore(true);
        break;
      }
      page.addMessages(wire);
    }
    return ServerMessage.newBuilder().setHistoryPage(page);
  }
}
