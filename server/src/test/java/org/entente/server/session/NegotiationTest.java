package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.entente.proto.protocol.v1.Announce;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ChatMessage;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.GetHistory;
import org.entente.proto.protocol.v1.SendMessage;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.scenario.v1.Press;
import org.entente.server.testing.EmbeddedHarness;
import org.junit.jupiter.api.Test;

class NegotiationTest {
  private final EmbeddedHarness harness = new EmbeddedHarness();

  @org.junit.jupiter.api.AfterEach
  void releaseBuffers() {
    harness.close();
  }

  static ClientMessage.Builder say(Channel channel, String to, String text) {
    return ClientMessage.newBuilder()
        .setSendMessage(
            SendMessage.newBuilder().setChannel(channel).setToCountry(to).setText(text));
  }

  static ClientMessage.Builder history(long before, int limit) {
    return ClientMessage.newBuilder()
        .setGetHistory(GetHistory.newBuilder().setBeforeSeq(before).setLimit(limit));
  }

  static List<String> texts(EmbeddedHarness.Client c) {
    c.poll();
    return c.events.stream().filter(Event::hasMessage).map(e -> e.getMessage().getText()).toList();
  }

  @Test
  void privateMessagesReachBothTeamsAndNobodyElse() {
    EmbeddedHarness.Client gm = harness.gameMaster(3);
    EmbeddedHarness.Client ani = harness.player(gm.joinCode, "Ani", "ARM");
    EmbeddedHarness.Client aram = harness.player(gm.joinCode, "Aram", "ARM");
    EmbeddedHarness.Client ivan = harness.player(gm.joinCode, "Ivan", "RUS");
    EmbeddedHarness.Client leyla = harness.player(gm.joinCode, "Leyla", "AZE");
    EmbeddedHarness.Client spectator = harness.spectator(gm.joinCode);

    ServerMessage sent = ani.request(say(Channel.PRIVATE, "RUS", "We need to talk about Gyumri."));
    ChatMessage echoed = sent.getHistoryPage().getMessages(0);
    assertThat(echoed.getFromCountry()).isEqualTo("ARM");
    assertThat(echoed.getFromName()).isEqualTo("Ani");
    assertThat(echoed.getToCountry()).isEqualTo("RUS");
    aram.request(say(Channel.TEAM, "", "Ani, careful."));
    leyla.request(say(Channel.PUBLIC, "", "Azerbaijan wants peace."));
    gm.request(
        ClientMessage.newBuilder().setAnnounce(Announce.newBuilder().setText("Ten minutes left.")));

    assertThat(texts(ani))
        .containsExactly(
            "We need to talk about Gyumri.",
            "Ani, careful.",
            "Azerbaijan wants peace.",
            "Ten minutes left.");
    assertThat(texts(aram))
        .containsExactly(
            "We need to talk about Gyumri.",
            "Ani, careful.",
            "Azerbaijan wants peace.",
            "Ten minutes left.");
    assertThat(texts(ivan))
        .containsExactly(
            "We need to talk about Gyumri.", "Azerbaijan wants peace.", "Ten minutes left.");
    assertThat(texts(leyla)).containsExactly("Azerbaijan wants peace.", "Ten minutes left.");
    assertThat(texts(spectator)).containsExactly("Azerbaijan wants peace.", "Ten minutes left.");
    assertThat(texts(gm))
        .containsExactly(
            "We need to talk about Gyumri.",
            "Ani, careful.",
            "Azerbaijan wants peace.",
            "Ten minutes left.");

    assertThat(leyla.request(history(0, 0)).getHistoryPage().getMessagesList())
        .extracting(ChatMessage::getText)
        .containsExactly("Ten minutes left.", "Azerbaijan wants peace.");
    assertThat(ivan.request(history(0, 0)).getHistoryPage().getMessagesList())
        .extracting(ChatMessage::getText)
        .containsExactly(
            "Ten minutes left.", "Azerbaijan wants peace.", "We need to talk about Gyumri.");
  }

  @Test
  void historyPagesBackwardsNewestFirst() {
    EmbeddedHarness.Client gm = harness.gameMaster(3);
    EmbeddedHarness.Client ani = harness.player(gm.joinCode, "Ani", "ARM");
    for (int i = 1; i <= 5; i++) {
      ani.request(say(Channel.PUBLIC, "", "message " + i));
    }
    ServerMessage first = ani.request(history(0, 2));
    assertThat(first.getHistoryPage().getMessagesList())
        .extracting(ChatMessage::getText)
        .containsExactly("message 5", "message 4");
    assertThat(first.getHistoryPage().getMore()).isTrue();
    long before = first.getHistoryPage().getMessages(1).getSeq();
    ServerMessage second = ani.request(history(before, 2));
    assertThat(second.getHistoryPage().getMessagesList())
        .extracting(ChatMessage::getText)
        .containsExactly("message 3", "message 2");
    ServerMessage last = ani.request(history(second.getHistoryPage().getMessages(1).getSeq(), 2));
    assertThat(last.getHistoryPage().getMessagesList())
        .extracting(ChatMessage::getText)
        .containsExactly("message 1");
    assertThat(last.getHistoryPage().getMore()).isFalse();
    assertThat(ani.request(history(0, 101)).getError().getMessage())
        .isEqualTo("A history page holds at most 100 messages.");
  }

  @Test
  void pressSettingsLimitChannels() {
    EmbeddedHarness.Client gm = harness.helloClient();
    String code =
        gm.request(
                ClientMessage.newBuilder()
                    .setCreateSession(
                        CreateSession.newBuilder()
                            .setBuiltinScenarioId("test-crisis")
                            .setPress(Press.PUBLIC_ONLY)))
            .getSessionCreated()
            .getJoinCode();
    EmbeddedHarness.Client ani = harness.player(code, "Ani", "ARM");
    ServerMessage refused = ani.request(say(Channel.PRIVATE, "RUS", "psst"));
    assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.PRESS_RESTRICTED);
    assertThat(refused.getError().getMessage())
        .isEqualTo("Private messages are off in this session (press: PUBLIC_ONLY).");
    assertThat(ani.request(say(Channel.PUBLIC, "", "hello all")).hasHistoryPage()).isTrue();
    assertThat(ani.request(say(Channel.TEAM, "", "team talk")).hasHistoryPage()).isTrue();

    EmbeddedHarness.Client gm2 = harness.helloClient();
    String none =
        gm2.request(
                ClientMessage.newBuilder()
                    .setCreateSession(
                        CreateSession.newBuilder()
                            .setBuiltinScenarioId("test-crisis")
                            .setPress(Press.NONE)))
            .getSessionCreated()
            .getJoinCode();
    EmbeddedHarness.Client ivan = harness.player(none, "Ivan", "RUS");
    assertThat(ivan.request(say(Channel.PUBLIC, "", "hello")).getError().getMessage())
        .isEqualTo("Public statements are off in this session (press: NONE).");
    assertThat(ivan.request(say(Channel.TEAM, "", "team talk")).hasHistoryPage()).isTrue();
  }

  @Test
  void badMessagesGetSpecificErrors() {
    EmbeddedHarness.Client gm = harness.gameMaster(3);
    EmbeddedHarness.Client ani = harness.player(gm.joinCode, "Ani", "ARM");
    assertThat(ani.request(say(Channel.PRIVATE, "KAZ", "hi")).getError().getMessage())
        .isEqualTo("No playable country 'KAZ'.");
    assertThat(ani.request(say(Channel.PRIVATE, "ARM", "hi")).getError().getMessage())
        .isEqualTo("Use the TEAM channel to write to your own team.");
    assertThat(ani.request(say(Channel.PUBLIC, "", " ")).getError().getMessage())
        .isEqualTo("The text is empty.");
    assertThat(ani.request(say(Channel.PUBLIC, "", "x".repeat(2001))).getError().getMessage())
        .isEqualTo("The text is longer than 2000 characters.");
    assertThat(ani.request(say(Channel.ANNOUNCEMENT, "", "I am the teacher")).getError().getCode())
        .isEqualTo(ErrorCode.PERMISSION_DENIED);
    assertThat(ani.request(say(Channel.CHANNEL_UNSPECIFIED, "", "hi")).getError().getMessage())
        .isEqualTo("Choose a channel: PRIVATE, TEAM or PUBLIC.");
  }

  @Test
  void aHistoryPageOfLongMessagesStaysUnderTheFrameLimit() {
    EmbeddedHarness.Client gm = harness.gameMaster(3);
    EmbeddedHarness.Client ani = harness.player(gm.joinCode, "Ani", "ARM");
    for (int i = 0; i < 60; i++) {
      ani.request(say(Channel.PUBLIC, "", i + "x".repeat(1990)));
    }
    ServerMessage page = ani.request(history(0, 100));
    assertThat(page.getSerializedSize()).isLessThan(org.entente.server.net.Frames.MAX_FRAME_BYTES);
    assertThat(page.getHistoryPage().getMore()).isTrue();
    assertThat(page.getHistoryPage().getMessagesCount()).isBetween(20, 59);
  }
}
