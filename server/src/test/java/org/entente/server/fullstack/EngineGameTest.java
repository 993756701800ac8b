package org.entente.server.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.Phase;
import org.entente.proto.protocol.v1.Resume;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.StartGame;
import org.entente.server.EntenteServer;
import org.entente.server.rules.EngineSessionRules;
import org.entente.server.rules.ScenarioCatalog;
import org.entente.server.rules.ScenarioInfo;
import org.entente.server.rules.SessionRules;
import org.entente.server.testing.SmallScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Several clients play several turns over loopback with the real engine behind the rules seam. */
class EngineGameTest {
  @RegisterExtension
  final Loopback net = new Loopback(() -> EntenteServer.builder(engineCatalog()));

  static ScenarioCatalog engineCatalog() {
    ScenarioInfo info = EngineSessionRules.describe(SmallScenario.build());
    ScenarioCatalog.Loaded loaded =
        new ScenarioCatalog.Loaded() {
          @Override
          public ImmutableList<String> problems() {
            return ImmutableList.of();
          }

          @Override
          public ScenarioInfo info() {
            return info;
          }

          @Override
          public SessionRules newSession() {
            return new EngineSessionRules(SmallScenario.build());
          }
        };
    return new ScenarioCatalog() {
      @Override
      public ImmutableList<ScenarioInfo> builtIns() {
        return ImmutableList.of(info);
      }

      @Override
      public Optional<Loaded> loadBuiltIn(String id) {
        return id.equals(info.id()) ? Optional.of(loaded) : Optional.empty();
      }

      @Override
      public Loaded loadFile(String fileName, String text) {
        throw new UnsupportedOperationException("not used here");
      }
    };
  }

  @Test
  void playersPlaySeveralTurnsAgainstTheEngine() throws Exception {
    Participant gm = net.connect("Teacher");
    String code =
        gm.ok(
                ClientMessage.newBuilder()
                    .setCreateSession(
                        CreateSession.newBuilder().setBuiltinScenarioId("small-test").setTurns(3)))
            .getSessionCreated()
            .getJoinCode();
    Participant ani = net.join(code, "Ani", "ARM");
    Participant aram = net.join(code, "Aram", "ARM");
    Participant ivan = net.join(code, "Ivan", "RUS");
    gm.ok(ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));

    ServerMessage refused = ivan.call(WholeGameViewsTest.order(1, "FREEZE CSTO"));
    assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.ORDER_NOT_ALLOWED);
    assertThat(refused.getError().getMessage()).contains("may not use FREEZE");
    ServerMessage garbled = ani.call(WholeGameViewsTest.order(1, "FREEZ CSTO"));
    assertThat(garbled.getError().getCode()).isEqualTo(ErrorCode.ORDER_NOT_UNDERSTOOD);

    ServerMessage added = ani.ok(WholeGameViewsTest.order(1, "resume csto"));
    assertThat(added.getDraftUpdated().getDraft().getOrders(0).getText()).isEqualTo("RESUME CSTO");
    aram.await(e -> e.hasDraftUpdated() && e.getDraftUpdated().getDraft().getOrdersCount() == 1);

    for (int turn = 1; turn <= 3; turn++) {
      final int t = turn;
      // A team is ready when every connected member is: Ani and Aram both.
      ani.ok(WholeGameViewsTest.ready(turn));
      aram.ok(WholeGameViewsTest.ready(turn));
      ivan.ok(WholeGameViewsTest.ready(turn));
      for (Participant p : net.participants) {
        p.await(e -> e.hasTurnReport() && e.getTurnReport().getTurn() == t);
      }
    }
    gm.await(e -> e.hasPhaseChanged() && e.getPhaseChanged().getPhase() == Phase.ENDED);
    Event report = aram.await(e -> e.hasTurnReport() && e.getTurnReport().getTurn() == 1);
    assertThat(report.getTurnReport().getCause()).isEqualTo("ALL_READY");
  }

  @Test
  void aDroppedPlayerReconnectsOverTheNetworkAndCatchesUp() throws Exception {
    Participant gm = net.connect("Teacher");
    String code =
        gm.ok(
                ClientMessage.newBuilder()
                    .setCreateSession(
                        CreateSession.newBuilder().setBuiltinScenarioId("small-test")))
            .getSessionCreated()
            .getJoinCode();
    Participant ani = net.join(code, "Ani", "ARM");
    Participant ivan = net.join(code, "Ivan", "RUS");
    gm.ok(ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));
    ani.await(Event::hasPhaseChanged);
    long seen = ani.events.get(ani.events.size() - 1).getSeq();
    ani.close();

    ivan.ok(
        WholeGameViewsTest.say(
            org.entente.proto.protocol.v1.Channel.PRIVATE, "ARM", "while you were away"));
    Participant back = net.connect("Ani again");
    ServerMessage resumed =
        back.ok(
            ClientMessage.newBuilder()
                .setResume(
                    Resume.newBuilder().setJoinCode(code).setToken(ani.token).setLastSeq(seen)));
    // Her own drop (as her team saw it) and the message.
    assertThat(resumed.getResumed().getReplayed()).isEqualTo(2);
    back.await(e -> e.hasMessage() && e.getMessage().getText().equals("while you were away"));

    Participant thief = net.connect("Second device");
    thief.ok(
        ClientMessage.newBuilder()
            .setResume(Resume.newBuilder().setJoinCode(code).setToken(ani.token).setLastSeq(seen)));
    back.client
        .closeFuture()
        .get(Participant.TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(back.unsolicited)
        .singleElement()
        .satisfies(m -> assertThat(m.getError().getCode()).isEqualTo(ErrorCode.REPLACED));
    thief.await(e -> e.hasMessage() && e.getMessage().getText().equals("while you were away"));
  }
}
