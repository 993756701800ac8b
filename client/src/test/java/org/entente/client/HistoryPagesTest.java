package org.entente.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.entente.proto.protocol.v1.ChatMessage;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.Error;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.GetHistory;
import org.entente.proto.protocol.v1.HistoryPage;
import org.entente.proto.protocol.v1.ServerMessage;
import org.junit.jupiter.api.Test;

/** A history page the server cut short is asked for again from where it stopped, until it is whole. */
class HistoryPagesTest {
  /** A server's history of 100,000 events with messages at these seqs; it looks at 20,000 per page. */
  private static final List<Long> MESSAGES = List.of(5L, 6L, 41_000L, 99_000L);

  private static final int SCAN = 20_000;
  private static final long END = 100_001;

  private final List<GetHistory> asked = new ArrayList<>();

  private ServerMessage serve(GetHistory request, boolean saysWhereToGoOn) {
    asked.add(request);
    int limit = request.getLimit() == 0 ? 50 : request.getLimit();
    long cursor = request.getBeforeSeq() == 0 ? END : request.getBeforeSeq();
    HistoryPage.Builder page = HistoryPage.newBuilder();
    long lowest = Math.max(1, cursor - SCAN);
    for (int i = MESSAGES.size() - 1; i >= 0; i--) {
      long seq = MESSAGES.get(i);
      if (seq >= cursor || seq < lowest) {
        continue;
      }
      if (page.getMessagesCount() == limit) {
        page.setMore(true).setNextBeforeSeq(page.getMessages(page.getMessagesCount() - 1).getSeq());
        return ServerMessage.newBuilder().setHistoryPage(page).build();
      }
      page.addMessages(ChatMessage.newBuilder().setSeq(seq).setText("m" + seq));
    }
    if (lowest > 1) {
      page.setMore(true).setNextBeforeSeq(saysWhereToGoOn ? lowest : 0);
    }
    return ServerMessage.newBuilder().setHistoryPage(page).build();
  }

  private ServerMessage collect(int limit, boolean saysWhereToGoOn) {
    HistoryPages pages =
        new HistoryPages(
            ClientMessage.newBuilder().setGetHistory(GetHistory.newBuilder().setLimit(limit)));
    while (!pages.done()) {
      pages.add(serve(pages.next().getGetHistory(), saysWhereToGoOn));
    }
    return pages.answer();
  }

  @Test
  void pagesCutShortAreAskedAgainFromWhereTheServerStopped() {
    HistoryPage page = collect(3, true).getHistoryPage();

    assertThat(page.getMessagesList())
        .extracting(ChatMessage::getSeq)
        .containsExactly(99_000L, 41_000L, 6L);
    assertThat(page.getMore()).isTrue();
    assertThat(page.getNextBeforeSeq()).isEqualTo(6);
    assertThat(asked)
        .extracting(GetHistory::getBeforeSeq)
        .containsExactly(0L, 80_001L, 60_001L, 40_001L, 20_001L);
    assertThat(asked).extracting(GetHistory::getLimit).containsExactly(3, 2, 2, 1, 1);
  }

  @Test
  void theAskingEndsWithTheHistory() {
    HistoryPage page = collect(10, true).getHistoryPage();

    assertThat(page.getMessagesList()).extracting(ChatMessage::getSeq).hasSize(4).endsWith(5L);
    assertThat(page.getMore()).isFalse();
  }

  @Test
  void aServerThatDoesNotSayWhereToGoOnIsAskedOnce() {
    HistoryPage page = collect(3, false).getHistoryPage();

    assertThat(page.getMessagesList()).extracting(ChatMessage::getSeq).containsExactly(99_000L);
    assertThat(asked).hasSize(1);
  }

  @Test
  void anErrorEndsTheAskingAndIsTheAnswer() {
    HistoryPages pages =
        new HistoryPages(ClientMessage.newBuilder().setGetHistory(GetHistory.getDefaultInstance()));
    pages.add(serve(pages.next().getGetHistory(), true));
    ServerMessage error =
        ServerMessage.newBuilder()
            .setError(Error.newBuilder().setCode(ErrorCode.STORAGE_UNAVAILABLE))
            .build();

    pages.add(error);

    assertThat(pages.done()).isTrue();
    assertThat(pages.answer()).isEqualTo(error);
  }
}
