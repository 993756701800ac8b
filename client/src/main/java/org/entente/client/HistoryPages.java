package org.entente.client;

import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.HistoryPage;
import org.entente.proto.protocol.v1.ServerMessage;

/**
 * A {@code get_history} request carried on where the server cut its page short. The server
 * looks through a bounded number of events per page, so where messages are sparse a page may
 * hold fewer than asked (even none) and still say {@code more}: this asks again from
 * {@code next_before_seq} until the page holds {@code limit} messages or the history ends, and
 * answers with one page, as if the server had sent it whole. Each answer moves
 * {@code next_before_seq} back, so the asking ends.
 */
final class HistoryPages {
  /** {@code limit} 0 asks for this many (protocol.md). */
  static final int DEFAULT_LIMIT = 50;

  private final ClientMessage.Builder next;
  private final int limit;
  private final HistoryPage.Builder merged = HistoryPage.newBuilder();
  private ServerMessage answer;
  private boolean done;

  HistoryPages(ClientMessage.Builder request) {
    this.next = request.clone();
    int asked = request.getGetHistory().getLimit();
    this.limit = asked == 0 ? DEFAULT_LIMIT : asked;
  }

  /** The request to send now. */
  synchronized ClientMessage.Builder next() {
    return next.clone();
  }

  /** Takes the answer to the latest request; returns the page so far, whole. */
  synchronized ServerMessage add(ServerMessage response) {
    if (!response.hasHistoryPage()) {
      done = true;
      answer = response;
      return response;
    }
    HistoryPage page = response.getHistoryPage();
    merged.addAllMessages(page.getMessagesList());
    merged.setMore(page.getMore()).setNextBeforeSeq(page.getNextBeforeSeq());
    long before = next.getGetHistory().getBeforeSeq();
    boolean movedBack =
        page.getNextBeforeSeq() != 0 && (before == 0 || page.getNextBeforeSeq() < before);
    done = !page.getMore() || merged.getMessagesCount() >= limit || !movedBack;
    if (!done) {
      next.getGetHistoryBuilder()
          .setBeforeSeq(page.getNextBeforeSeq())
          .setLimit(limit - merged.getMessagesCount());
    }
    answer = response.toBuilder().setHistoryPage(merged.clone()).build();
    return answer;
  }

  synchronized boolean done() {
    return done;
  }

  /** The whole page (or the error that ended it). */
  synchronized ServerMessage answer() {
    return answer;
  }
}
