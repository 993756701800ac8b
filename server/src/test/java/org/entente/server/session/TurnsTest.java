package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.Deadline;
import org.entente.proto.protocol.v1.EditDraft;
import org.entente.proto.protocol.v1.EndGame;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.ExtendDeadline;
import org.entente.proto.protocol.v1.ForceResolution;
import org.entente.proto.protocol.v1.GetView;
import org.entente.proto.protocol.v1.InjectEvent;
import org.entente.proto.protocol.v1.Order;
import org.entente.proto.protocol.v1.PauseGame;
import org.entente.proto.protocol.v1.Phase;
import org.entente.proto.protocol.v1.ReplaceOrder;
import org.entente.proto.protocol.v1.ResumeGame;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.SetReady;
import org.entente.proto.protocol.v1.StartGame;
import org.entente.proto.scenario.v1.Effect;
import org.entente.proto.scenario.v1.OrderKind;
import org.entente.server.testing.EmbeddedHarness;
import org.junit.jupiter.api.Test;

class TurnsTest {
  private final EmbeddedHarness harness = new EmbeddedHarness();

  @org.junit.jupiter.api.AfterEach
  void releaseBuffers() {
    harness.close();
  }

  static ClientMessage.Builder add(int turn, String text) {
    return ClientMessage.newBuilder()
        .setEditDraft(
            EditDraft.newBuilder().setTurn(turn).setAdd(Order.newBuilder().setText(text)));
  }

  static ClientMessage.Builder ready(int turn, boolean ready) {
    return ClientMessage.newBuilder()
        .setSetReady(SetReady.newBuilder().setTurn(turn).setReady(ready));
  }

  static ClientMessage.Builder start() {
    return ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance());
  }

  static List<Event> reports(EmbeddedHarness.Client c) {
    return c.events.stream().filter(Event::hasTurnReport).toList();
  }

  @Test
  void ordersAreRefusedBeforeTheGameStarts() {
    EmbeddedHarness.Client gm = harness.gameMaster(2);
    EmbeddedHarness.Client ani = harness.player(gm.joinCode, "Ani", "ARM");
    ServerMessage refused = ani.request(add(1, "FREEZE CSTO"));
    assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.WRONG_PHASE);
    assertThat(refused.getError().getMessage()).isEqualTo("The game has not started yet.");
  }

  @Test
  void teamMatesShareOneDraftAndSeeEachEdit() {
    EmbeddedHarness.Client gm = harness.gameMaster(2);
    EmbeddedHarness.Client ani = harness.player(gm.joinCode, "Ani", "ARM");
    EmbeddedHarness.Client aram = harness.player(gm.joinCode, "Aram", "ARM");
    gm.request(start());

    ServerMessage added = ani.request(add(1, "freeze csto"));
    assertThat(added.getDraftUpdated().getDraft().getOrdersList())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getText()).isEqualTo("FREEZE CSTO");
              assertThat(o.getAuthor()).isEqualTo("Ani");
              assertThat(o.getOrder().getKind()).isEqualTo(OrderKind.FREEZE);
            });
    long orderId = added.getDraftUpdated().getDraft().getOrders(0).getOrderId();
    aram.poll();
    assertThat(
            aram.events
                .get(aram.events.size() - 1)
                .getDraftUpdated()
                .getDraft()
                .getOrders(0)
                .getText())
        .isEqualTo("FREEZE CSTO");

    ServerMessage replaced =
        aram.request(
            ClientMessage.newBuilder()
                .setEditDraft(
                    EditDraft.newBuilder()
                        .setTurn(1)
                        .setReplace(
                            ReplaceOrder.newBuilder()
                                .setOrderId(orderId)
                                .setOrder(
                                    Order.newBuilder()
                                        .setKind(OrderKind.GIVE_NOTICE)
                                        .setOrg("CSTO")))));
    assertThat(replaced.getDraftUpdated().getDraft().getOrders(0).getOrderId()).isEqualTo(orderId);
    assertThat(replaced.getDraftUpdated().getDraft().getOrders(0).getAuthor()).isEqualTo("Aram");
    ani.poll();
    assertThat(
            ani.events
                .get(ani.events.size() - 1)
                .getDraftUpdated()
                .getDraft()
                .getOrders(0)
                .getText())
        .isEqualTo("GIVE_NOTICE CSTO");

    ServerMessage removed =
        ani.request(
            ClientMessage.newBuilder()
                .setEditDraft(EditDraft.newBuilder().setTurn(1).setRemoveOrderId(orderId)));
    assertThat(removed.getDraftUpdated().getDraft().getOrdersList()).isEmpty();
    ServerMessage missing =
        ani.request(
            ClientMessage.newBuilder()
                .setEditDraft(EditDraft.newBuilder().setTurn(1).setRemoveOrderId(orderId)));
    assertThat(missing.getError().getCode()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(missing.getError().getMessage())
        .isEqualTo("Your draft has no order " + orderId + ".");
  }

  @Test
  void teamMatesAreToldWhoRemovedAnOrderLiveAndAfterARestart() {
    EmbeddedHarness.Client gm = harness.gameMaster(2);
    EmbeddedHarness.Client ani = harness.player(gm.joinCode, "Ani", "ARM");
    EmbeddedHarness.Client aram = harness.player(gm.joinCode, "Aram", "ARM");
    gm.request(start());
    long orderId =
        ani.request(add(1, "FREEZE CSTO")).getDraftUpdated().getDraft().getOrders(0).getOrderId();
    aram.poll();
    assertThat(lastDraftUpdate(aram).getEditor()).isEqualTo("Ani");

    ServerMessage removed =
        aram.request(
            ClientMessage.newBuilder()
                .setEditDraft(EditDraft.newBuilder().setTurn(1).setRemoveOrderId(orderId)));
    assertThat(removed.getDraftUpdated().getEditor()).isEqualTo("Aram");
    ani.poll();
    gm.poll();
    for (EmbeddedHarness.Client c : List.of(ani, gm)) {
      assertThat(lastDraftUpdate(c).getDraft().getOrdersList()).isEmpty();
      assertThat(lastDraftUpdate(c).getEditor()).isEqualTo("Aram");
    }

    // The journal keeps the editor: a replayed event names the same seat.
    SessionEvent live = new SessionEvent.DraftEdited(Draft.empty("ARM", 1), "Aram");
    SessionEvent journalled = JournalCodec.decode(JournalCodec.encode(live));
    assertThat(journalled).isEqualTo(live);
    assertThat(
            Views.project(9, journalled, org.entente.engine.report.Viewer.actor("ARM"))
                .orElseThrow()
                .getDraftUpdated()
                .getEditor())
        .isEqualTo("Aram");
  }

  private static org.entente.proto.protocol.v1.DraftUpdated lastDraftUpdate(
      EmbeddedHarness.Client c) {
    return c.events.stream()
        .filter(Event::hasDraftUpdated)
        .reduce((a, b) -> b)
        .orElseThrow()
        .getDraftUpdated();
  }

  @Test
  void submissionReturnsTheRulesTypedReason() {
    EmbeddedHarness.Client gm = harness.gameMaster(2);
    EmbeddedHarness.Client ani = harness.player(gm.joinCode, "Ani", "ARM");
    gm.request(start());
    ServerMessage notUnderstood = ani.request(add(1, "DANCE CSTO"));
    assertThat(notUnderstood.getError().getCode()).isEqualTo(ErrorCode.ORDER_NOT_UNDERSTOOD);
    assertThat(notUnderstood.getError().getMessage()).isEqualTo("Unknown order kind 'DANCE'.");
    ServerMessage notAllowed = ani.request(add(1, "ESCALATE ARM"));
    assertThat(notAllowed.getError().getCode()).isEqualTo(ErrorCode.ORDER_NOT_ALLOWED);
    assertThat(notAllowed.getError().getMessage())
        .isEqualTo("A country cannot escalate against itself.");
    ServerMessage stale = ani.request(add(2, "FREEZE CSTO"));
    assertThat(stale.getError().getCode()).isEqualTo(ErrorCode.WRONG_TURN);
    assertThat(stale.getError().getMessage())
        .isEqualTo("Turn 2 is not open; the current turn is 1.");
    ServerMessage empty =
        ani.request(
            ClientMessage.newBuilder()
                .setEditDraft(
                    EditDraft.newBuilder().setTurn(1).setAdd(Order.getDefaultInstance())));
    assertThat(empty.getError().getMessage()).isEqualTo("An order needs a kind or its text.");
  }

  @Test
  void theTurnResolvesWhenEveryStaffedCountryIsReadyAndEditingUnreadies() {
    EmbeddedHarness.Client gm = harness.gameMaster(2);
    EmbeddedHarness.Client ani = harness.player(gm.joinCode, "Ani", "ARM");
    EmbeddedHarness.Client ivan = harness.player(gm.joinCode, "Ivan", "RUS");
    gm.request(start());
    ani.request(add(1, "FREEZE CSTO"));
    ani.request(ready(1, true));
    ani.request(add(1, "WITHHOLD_DUES CSTO"));
    ServerMessage view =
        ani.request(ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance()));
    assertThat(view.getView().getDrafts(0).getReady()).as("an edit clears readiness").isFalse();
    ivan.request(ready(1, true));
    assertThat(reports(gm)).isEmpty();
    ani.request(ready(1, true));
    gm.poll();
    assertThat(reports(gm))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getTurnReport().getTurn()).isEqualTo(1);
              assertThat(e.getTurnReport().getCause()).isEqualTo("ALL_READY");
            });
    ServerMessage after =
        gm.request(ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance()));
    assertThat(after.getView().getTurn()).isEqualTo(2);
    assertThat(after.getView().getDraftsList())
        .allSatisfy(
            d -> {
              assertThat(d.getOrdersList()).isEmpty();
              assertThat(d.getReady()).isFalse();
            });

    ani.request(ready(2, true));
    ivan.request(ready(2, true));
    gm.poll();
    assertThat(reports(gm)).hasSize(2);
    assertThat(gm.events.get(gm.events.size() - 1).getPhaseChanged().getPhase())
        .isEqualTo(Phase.ENDED);
    assertThat(ani.request(add(2, "FREEZE CSTO")).getError().getMessage())
        .isEqualTo("The game has ended.");
  }

  @Test
  void theDeadlineResolvesTheTurnAndPauseKeepsTheTimeLeft() {
    EmbeddedHarness.Client gm = harness.helloClient();
    ServerMessage created =
        gm.request(
            ClientMessage.newBuilder()
                .setCreateSession(
                    CreateSession.newBuilder()
                        .setBuiltinScenarioId("test-crisis")
                        .setDeadline(Deadline.newBuilder().setSecondsPerTurn(300))));
    String code = created.getSessionCreated().getJoinCode();
    harness.player(code, "Ani", "ARM");
    long t0 = harness.clock.millis();
    gm.request(start());
    assertThat(
            gm.request(ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance()))
                .getView()
                .getDeadlineEpochMillis())
        .isEqualTo(t0 + 300_000);

    harness.clock.advance(100_000);
    gm.request(ClientMessage.newBuilder().setPauseGame(PauseGame.getDefaultInstance()));
    assertThat(harness.scheduler.live()).as("no timer while paused").isEmpty();
    assertThat(
            gm.request(ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance()))
                .getView()
                .getPausedSecondsLeft())
        .isEqualTo(200);
    gm.request(
        ClientMessage.newBuilder().setExtendDeadline(ExtendDeadline.newBuilder().setSeconds(60)));
    harness.clock.advance(1_000_000);
    gm.request(ClientMessage.newBuilder().setResumeGame(ResumeGame.getDefaultInstance()));
    assertThat(
            gm.request(ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance()))
                .getView()
                .getDeadlineEpochMillis())
        .isEqualTo(harness.clock.millis() + 260_000);

    harness.scheduler.fireAll();
    gm.poll();
    assertThat(reports(gm))
        .singleElement()
        .satisfies(e -> assertThat(e.getTurnReport().getCause()).isEqualTo("DEADLINE"));
  }

  @Test
  void aStaleTimerDoesNothingAfterTheTurnMovedOn() {
    EmbeddedHarness.Client gm = harness.helloClient();
    ServerMessage created =
        gm.request(
            ClientMessage.newBuilder()
                .setCreateSession(
                    CreateSession.newBuilder()
                        .setBuiltinScenarioId("test-crisis")
                        .setDeadline(Deadline.newBuilder().setSecondsPerTurn(60))));
    harness.player(created.getSessionCreated().getJoinCode(), "Ani", "ARM");
    gm.request(start());
    List<org.entente.server.testing.ManualScheduler.Task> first = harness.scheduler.live();
    gm.request(
        ClientMessage.newBuilder().setForceResolution(ForceResolution.newBuilder().setTurn(1)));
    first.forEach(t -> t.run().run());
    gm.poll();
    assertThat(reports(gm))
        .singleElement()
        .satisfies(e -> assertThat(e.getTurnReport().getCause()).isEqualTo("FORCED"));
  }

  @Test
  void gameMasterControlsCheckThePhase() {
    EmbeddedHarness.Client gm = harness.gameMaster(2);
    assertThat(
            gm.request(ClientMessage.newBuilder().setPauseGame(PauseGame.getDefaultInstance()))
                .getError()
                .getMessage())
        .isEqualTo("Only a running game can be paused.");
    assertThat(
            gm.request(
                    ClientMessage.newBuilder()
                        .setExtendDeadline(ExtendDeadline.newBuilder().setSeconds(30)))
                .getError()
                .getMessage())
        .isEqualTo("This session has no deadline: the game master advances turns.");
    assertThat(
            gm.request(
                    ClientMessage.newBuilder()
                        .setForceResolution(ForceResolution.getDefaultInstance()))
                .getError()
                .getCode())
        .isEqualTo(ErrorCode.WRONG_PHASE);
    assertThat(gm.request(start()).hasOk()).isTrue();
    assertThat(gm.request(start()).getError().getMessage())
        .isEqualTo("The game has already started.");
    assertThat(
            gm.request(
                    ClientMessage.newBuilder()
                        .setForceResolution(ForceResolution.newBuilder().setTurn(3)))
                .getError()
                .getCode())
        .isEqualTo(ErrorCode.WRONG_TURN);
    assertThat(
            gm.request(ClientMessage.newBuilder().setEndGame(EndGame.getDefaultInstance())).hasOk())
        .isTrue();
    assertThat(
            gm.request(ClientMessage.newBuilder().setEndGame(EndGame.getDefaultInstance()))
                .getError()
                .getMessage())
        .isEqualTo("The game has already ended.");
  }

  @Test
  void injectedEventsAreValidatedLikeScenarioEvents() {
    EmbeddedHarness.Client gm = harness.gameMaster(2);
    EmbeddedHarness.Client spectator = harness.spectator(gm.joinCode);
    ServerMessage refused =
        gm.request(
            ClientMessage.newBuilder()
                .setInjectEvent(
                    InjectEvent.newBuilder()
                        .setTitle("Border clash")
                        .setText("Shots at the border.")
                        .addEffects(Effect.newBuilder().setTarget("sec(ARM)").setDelta(-5))
                        .addEffects(Effect.newBuilder().setTarget("mood(ARM)").setDelta(1))
                        .addEffects(Effect.newBuilder().setTarget("sec(XXX)").setDelta(1))));
    assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.INVALID_SCENARIO);
    assertThat(refused.getError().getMessage()).isEqualTo("The event has 2 problems.");
    assertThat(refused.getError().getProblemsList())
        .containsExactly(
            "effect 2: unknown quantity 'mood(ARM)'", "effect 3: unknown quantity 'sec(XXX)'");
    ServerMessage ok =
        gm.request(
            ClientMessage.newBuilder()
                .setInjectEvent(
                    InjectEvent.newBuilder()
                        .setTitle("Border clash")
                        .setText("Shots at the border.")
                        .addEffects(Effect.newBuilder().setTarget("sec(ARM)").setDelta(-5))));
    assertThat(ok.hasOk()).isTrue();
    spectator.poll();
    assertThat(spectator.events.get(spectator.events.size() - 1).getNews().getTitle())
        .isEqualTo("Border clash");
  }
}
