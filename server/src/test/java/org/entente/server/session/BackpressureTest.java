package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.MoreExecutors;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.entente.proto.protocol.v1.Announce;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.scenario.v1.Press;
import org.entente.server.testing.FakeRules;
import org.entente.server.testing.ManualScheduler;
import org.entente.server.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** A connection that cannot take writes receives nothing more until it drains, then everything in order. */
class BackpressureTest {

  static final class FakeLink implements SessionLink {
    final List<ServerMessage> sent = new ArrayList<>();
    boolean writable = true;

    @Override
    public void send(ServerMessage message) {
      sent.add(message);
    }

    @Override
    public boolean isWritable() {
      return writable;
    }

    @Override
    public void close(ServerMessage lastWords) {
      sent.add(lastWords);
    }
  }

  @Test
  void eventsWaitWhileTheConnectionIsNotWritable() {
    GameSession session =
        GameSession.open(
            new GameSession.Setup(
                "s1",
                "ABCDEF",
                new FakeRules(),
                3,
                Press.FULL,
                DeadlinePolicy.gameMasterAdvanced(),
                1),
            MoreExecutors.directExecutor(),
            new ManualScheduler(),
            new MutableClock(0),
            new Tokens(new SecureRandom()),
            () -> {});
    FakeLink gmLink = new FakeLink();
    long[] gmSeat = new long[1];
    session.seatGameMaster(
        gmLink,
        1,
        "GM",
        new GameSession.AttachCallback() {
          @Override
          public void attached(GameSession.SeatRef seat) {
            gmSeat[0] = seat.seatId();
          }

          @Override
          public void refused() {}
        });
    FakeLink spectatorLink = new FakeLink();
    long[] spectatorSeat = new long[1];
    session.join(
        spectatorLink,
        1,
        Role.SPECTATOR,
        "Visitor",
        "",
        new GameSession.AttachCallback() {
          @Override
          public void attached(GameSession.SeatRef seat) {
            spectatorSeat[0] = seat.seatId();
          }

          @Override
          public void refused() {}
        });
    spectatorLink.sent.clear();

    spectatorLink.writable = false;
    for (int i = 1; i <= 3; i++) {
      session.handle(
          gmSeat[0],
          gmLink,
          ClientMessage.newBuilder()
              .setRequestId(10 + i)
              .setAnnounce(Announce.newBuilder().setText("news " + i))
              .build());
    }
    assertThat(spectatorLink.sent).isEmpty();

    spectatorLink.writable = true;
    session.writable(spectatorSeat[0], spectatorLink);
    assertThat(spectatorLink.sent)
        .extracting(m -> m.getEvent().getMessage().getText())
        .containsExactly("news 1", "news 2", "news 3");
  }
}
