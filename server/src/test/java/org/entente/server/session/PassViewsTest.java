package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.entente.engine.Phase;
import org.entente.engine.report.ReportLine;
import org.entente.engine.report.Viewer;
import org.entente.engine.report.Visibility;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ServerMessage;
import org.junit.jupiter.api.Test;

/**
 * A delivery pass makes each view once and shares it: every viewer still gets exactly what
 * {@link Views} shows it, seats with the same viewer get the same message, and no line leaks to
 * a viewer it is not for because another viewer's view was made first.
 */
class PassViewsTest {
  private static final List<Viewer> VIEWERS =
      List.of(
          Viewer.GAME_MASTER,
          Viewer.actor("ARM"),
          Viewer.actor("RUS"),
          Viewer.actor("AZE"),
          Viewer.PUBLIC);

  private static final History.Numbered REPORT =
      new History.Numbered(
          7,
          new SessionEvent.TurnResolved(
              1,
              Turns.ALL_READY,
              42,
              ImmutableList.of(
                  line(Visibility.PUBLIC, "Armenia gave a statement."),
                  line(Visibility.actors("ARM", "RUS"), "Russia and Armenia agreed in secret."),
                  line(Visibility.actors("AZE"), "Azerbaijan's standing fell by 2."),
                  line(Visibility.GAME_MASTER, "Seed 42."))));

  private static final History.Numbered WHISPER =
      new History.Numbered(
          8,
          new SessionEvent.MessagePosted(
              new ChatMessage(Channel.PRIVATE, "RUS", "Ivan", "AZE", "a word", 1, 0)));

  @Test
  void everyViewerGetsWhatViewsShowsIt() {
    for (History.Numbered n : List.of(REPORT, WHISPER)) {
      PassViews pass = new PassViews();
      for (Viewer viewer : VIEWERS) {
        assertThat(pass.of(n, viewer))
            .as("%s for %s", n.event(), viewer)
            .isEqualTo(alone(n, viewer));
      }
    }
  }

  @Test
  void aLineForOneViewerDoesNotReachAnotherMadeAfterIt() {
    PassViews pass = new PassViews();
    pass.of(REPORT, Viewer.GAME_MASTER);

    assertThat(pass.of(REPORT, Viewer.PUBLIC).orElseThrow().toString())
        .contains("Armenia gave a statement")
        .doesNotContain("secret", "standing", "Seed");
    assertThat(pass.of(REPORT, Viewer.actor("AZE")).orElseThrow().toString())
        .contains("standing")
        .doesNotContain("secret", "Seed");
    assertThat(pass.of(WHISPER, Viewer.actor("ARM"))).isEmpty();
  }

  @Test
  void seatsWithTheSameViewerShareOneMessage() {
    PassViews pass = new PassViews();

    assertThat(pass.of(REPORT, Viewer.actor("ARM")).orElseThrow())
        .isSameAs(pass.of(REPORT, Viewer.actor("ARM")).orElseThrow());
  }

  private static Optional<ServerMessage> alone(History.Numbered n, Viewer viewer) {
    return Views.project(n.seq(), n.event(), viewer)
        .map(event -> ServerMessage.newBuilder().setEvent(event).build());
  }

  private static ReportLine line(Visibility visibility, String text) {
    return new ReportLine(Phase.STATEMENTS, visibility, text, "", List.of());
  }
}
