package org.entente.client;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.entente.proto.protocol.v1.Briefing;
import org.entente.proto.protocol.v1.ChatMessage;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ConnectionStage;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.GetBriefing;
import org.entente.proto.protocol.v1.GetView;
import org.entente.proto.protocol.v1.ListScenarios;
import org.entente.proto.protocol.v1.Resume;
import org.entente.proto.protocol.v1.Role;
import org.entente.proto.protocol.v1.ScenarioSummary;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.SessionView;
import org.entente.proto.protocol.v1.TurnReport;

/**
 * One user's session with a server, independent of any terminal. A facade over its pieces:
 * the {@link ReconnectingConnection}, {@link RetryingRequests}, the {@link SessionModel} (the
 * {@link SeatKeeper}, the view and the immutable {@link ClientLog}), the {@link BriefingCache}
 * and the {@link Listeners}. It owns what ties them together: one lock, events held back while
 * an enter request is in flight, taking the seat back after a reconnect, and the order in
 * which listeners hear things.
 *
 * <p>Thread-safe. Listeners are called on one dedicated thread, in the order events arrived.
 */
// Over 400 lines on purpose: about 230 are one-line reads the CLI calls; what it owns besides
// (one lock, events held back while entering, taking the seat back after a reconnect) ties the
// pieces together and would lose its one lock if split.
public final class ClientSession implements AutoCloseable {
  /** What a user interface hears from the session. */
  public interface Listener {
    /** An event; {@code catchUp} marks history replayed when this process took its seat. */
    default void event(Event event, boolean catchUp) {}

    /** A sentence about the connection ("reconnecting in 2 s..."); {@code problem} if it is bad news. */
    default void notice(String text, boolean problem) {}

    /** The view changed (a new turn, readiness, a fresh view from the server). */
    default void viewChanged() {}
  }

  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final ServerAddress address;
  private final Listeners listeners = new Listeners();
  private final RetryingRequests requests;
  private final Object lock = new Object();
  private volatile ReconnectingConnection connection;

  // Guarded by lock.
  private final SessionModel model;
  private final BriefingCache briefings = new BriefingCache();

  /** An enter request is in flight: its events wait until its response set the seat. */
  private boolean entering;

  private final Deque<Event> held = new ArrayDeque<>();
  private List<ScenarioSummary> scenarios = List.of();
  private boolean closing;
  private boolean gone;

  /** The connection dropped while holding a seat, and the seat is not yet taken back. */
  private boolean resuming;

  private ClientSession(ServerAddress address, SeatStore seats, String clientName) {
    this.address = address;
    this.model = new SessionModel(new SeatKeeper(address, seats));
    this.requests =
        new RetryingRequests(
            address,
            new RetryingRequests.Transport() {
              @Override
              public ServerMessage send(
                  ClientMessage.Builder request, Consumer<ServerMessage> inOrder)
                  throws IOException, ConnectionLost {
                return ClientSession.this.send(request, inOrder);
              }

              @Override
              public boolean awaitReady(ConnectionStage stage, Duration timeout)
                  throws InterruptedException {
                return await(
                    s ->
                        s.isConnected()
                            && !s.resuming()
                            && (stage != ConnectionStage.IN_SESSION || s.inSession()),
                    timeout);
              }
            });
  }

  /**
   * Connects and says hello.
   *
   * @throws IOException with a sentence for the user if the server cannot be reached
   */
  public static ClientSession connect(ServerAddress address, SeatStore seats, String clientName)
      throws IOException {
    return connect(address, ServerTrust.authoritiesOnly(), seats, clientName);
  }

  /**
   * Connects (over TLS checked by {@code trust} for a {@code tls://} address) and says hello.
   *
   * @throws UntrustedServerException if the server's TLS certificate is not trusted
   * @throws IOException with a sentence for the user if the server cannot be reached
   */
  public static ClientSession connect(
      ServerAddress address, ServerTrust trust, SeatStore seats, String clientName)
      throws IOException {
    ClientSession s = new ClientSession(address, seats, clientName);
    s.connection = ReconnectingConnection.open(address, trust, clientName, s.new Wire());
    s.listScenarios();
    return s;
  }

  private void listScenarios() {
    try {
      ServerMessage list =
          connection
              .request(
                  ClientMessage.newBuilder().setListScenarios(ListScenarios.getDefaultInstance()))
              .get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      setScenarios(list.getScenarioList().getScenariosList());
    } catch (Exception e) {
      // The list only feeds completion and 'scenarios'; a server that does not answer is caught
      // later.
    }
  }

  public void addListener(Listener l) {
    listeners.add(l);
  }

  public ServerAddress address() {
    return address;
  }

  public SeatStore seats() {
    synchronized (lock) {
      return model.seat().store();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Requests

  /**
   * Sends a request and waits for its response (an {@code Error} response is returned, not
   * thrown). Responses that carry a view or a draft update the view model. A request that
   * changes the session is sent once more if the connection drops before its answer
   * ({@link RetryingRequests}).
   *
   * @throws IOException if the connection is down or the server does not answer in time
   */
  public ServerMessage call(ClientMessage.Builder request) throws IOException {
    return call(request, r -> {});
  }

  /**
   * Like {@link #call(ClientMessage.Builder)}, and runs {@code inOrder} with the response on the
   * listeners' thread, after the events that arrived before the response and before those that
   * came after it: so a confirmation is printed where it belongs among the events.
   */
  public ServerMessage call(ClientMessage.Builder request, Consumer<ServerMessage> inOrder)
      throws IOException {
    return requests.call(request, inOrder);
  }

  private ServerMessage send(ClientMessage.Builder request, Consumer<ServerMessage> inOrder)
      throws IOException, ConnectionLost {
    boolean enter = isEnter(request);
    CompletableFuture<ServerMessage> sent;
    synchronized (lock) {
      if (gone) {
        throw new IOException("this seat was closed by the server");
      }
      sent = connection.request(request);
      if (enter) {
        entering = true;
      }
    }
    CompletableFuture<ServerMessage> done = new CompletableFuture<>();
    sent.whenComplete(
        (r, failure) -> {
          if (failure != null) {
            synchronized (lock) {
              entering = false;
            }
            done.completeExceptionally(failure);
            return;
          }
          absorb(
              request,
              r,
              () -> {
                try {
                  inOrder.accept(r);
                } finally {
                  done.complete(r);
                }
              });
        });
    try {
      return done.get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw new ConnectionLost(e.getCause());
    } catch (TimeoutException e) {
      throw new IOException(
          "the server at "
              + address
              + " did not answer within "
              + REQUEST_TIMEOUT.toSeconds()
              + " s",
          e);
    }
  }

  private static boolean isEnter(ClientMessage.Builder r) {
    return r.hasCreateSession() || r.hasJoinSession() || r.hasSpectate() || r.hasResume();
  }

  /**
   * Updates the state from a response and queues {@code inOrder} for the listeners' thread, then
   * the events held while an enter request was in flight. Queuing under the lock keeps the
   * listeners' order the order of arrival.
   */
  private void absorb(ClientMessage.Builder request, ServerMessage response, Runnable inOrder) {
    synchronized (lock) {
      if (isEnter(request)) {
        entering = false;
      }
      SessionModel.Absorbed absorbed = model.absorb(request, response);
      if (absorbed == SessionModel.Absorbed.BRIEFING) {
        briefings.keep(model.briefingKey(), model.briefingKey(), response.getBriefing());
      }
      if (request.hasLeaveSession() && response.hasOk()) {
        closing = true;
        connection.stopReconnecting();
      }
      listeners.run(inOrder);
      if (absorbed == SessionModel.Absorbed.VIEW || absorbed == SessionModel.Absorbed.SEATED) {
        listeners.viewChanged();
      }
      if (absorbed == SessionModel.Absorbed.SEATED) {
        saveSeat();
        askForBriefing();
      }
      while (!held.isEmpty()) {
        handle(held.poll());
      }
      lock.notifyAll();
    }
  }

  private void saveSeat() {
    try {
      model.seat().save(model.view().getViewerCountry());
    } catch (IOException e) {
      tell(
          "could not save the seat in "
              + model.seat().store().file()
              + ": "
              + e.getMessage()
              + "; you will have to rejoin by hand",
          true);
    }
  }

  /** Takes back a saved seat: resume with its token; all earlier events come back as catch-up. */
  public ServerMessage resume(SeatStore.Seat saved, Consumer<ServerMessage> inOrder)
      throws IOException {
    synchronized (lock) {
      model.seat().named(saved.name());
    }
    return call(
        ClientMessage.newBuilder()
            .setResume(
                Resume.newBuilder()
                    .setJoinCode(saved.joinCode())
                    .setToken(saved.token())
                    .setLastSeq(0)),
        inOrder);
  }

  // ---------------------------------------------------------------------------------------------
  // The briefing

  /** Asks for the briefing of a new seat or country, once; a reconnect to the same seat keeps it. */
  private void askForBriefing() {
    String key = model.briefingKey();
    if (!briefings.startAsking(key)) {
      return;
    }
    connection
        .requestIfConnected(
            ClientMessage.newBuilder().setGetBriefing(GetBriefing.getDefaultInstance()))
        .whenComplete(
            (r, failure) -> {
              synchronized (lock) {
                // An answer other than a briefing (a server that sends none): no briefing, and no
                // asking again.
                briefings.answered(
                    key,
                    model.briefingKey(),
                    Optional.ofNullable(r)
                        .filter(ServerMessage::hasBriefing)
                        .map(ServerMessage::getBriefing),
                    r == null);
                lock.notifyAll();
              }
            });
  }

  /** The scenario's briefing for this seat, as far as it has arrived (for completion: never waits). */
  public Optional<Briefing> briefing() {
    synchronized (lock) {
      return briefings.get(model.briefingKey());
    }
  }

  /**
   * The scenario's briefing for this seat, waiting up to {@code timeout} for it to arrive;
   * empty in the lobby or if the server has none to give.
   */
  public Optional<Briefing> briefing(Duration timeout) throws InterruptedException {
    synchronized (lock) {
      askForBriefing();
    }
    await(s -> s.briefingSettled(), timeout);
    return briefing();
  }

  private boolean briefingSettled() {
    synchronized (lock) {
      return briefings.settled(model.briefingKey());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Events

  /** The connection's callbacks, kept off the public API. */
  private final class Wire implements ReconnectingConnection.Owner {
    @Override
    public void event(Event e) {
      synchronized (lock) {
        if (entering) {
          held.add(e);
          return;
        }
        handle(e);
      }
    }

    @Override
    public void unsolicited(ServerMessage m) {
      onUnsolicited(m);
    }

    @Override
    public void connectionChanged() {
      synchronized (lock) {
        if (connection != null && !connection.isConnected() && !model.seat().token().isEmpty()) {
          resuming = true;
        }
        lock.notifyAll();
      }
    }

    @Override
    public void notice(String text, boolean problem) {
      tell(text, problem);
    }

    @Override
    public boolean wantsReconnect() {
      synchronized (lock) {
        return !closing && !gone;
      }
    }

    @Override
    public void reconnected() throws Exception {
      takeSeatBack();
    }
  }

  /** Applies one event and queues it for the listeners (under the lock, so the queue keeps the arrival order). */
  private void handle(Event e) {
    SessionModel.Applied applied = model.apply(e);
    if (applied.duplicate()) {
      return;
    }
    if (applied.movedOwnSeat()) {
      saveSeat();
      askForBriefing();
    }
    boolean catchUp = applied.catchUp();
    lock.notifyAll();
    listeners.event(e, catchUp);
    if (applied.changedView()) {
      listeners.viewChanged();
    }
    if (e.hasTurnReport() && !catchUp) {
      // The report's consequences (quantities, memberships) are in the next view.
      listeners.run(this::refreshQuietly);
    }
  }

  private void refreshQuietly() {
    connection
        .requestIfConnected(ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance()))
        .thenAccept(
            r -> {
              if (r.hasView()) {
                synchronized (lock) {
                  model.setView(r.getView());
                  lock.notifyAll();
                  listeners.viewChanged();
                }
              }
            });
  }

  private void onUnsolicited(ServerMessage m) {
    if (!m.hasError()) {
      return;
    }
    ErrorCode code = m.getError().getCode();
    if (code == ErrorCode.REPLACED || code == ErrorCode.PERMISSION_DENIED) {
      if (code == ErrorCode.PERMISSION_DENIED) {
        forgetCurrent();
      }
      String why =
          code == ErrorCode.REPLACED
              ? "another terminal took over this seat; this one stops here"
              : "the game master removed your seat";
      // The seat counts as gone only once the user has been told why: queued after the notice.
      listeners.notice(why, true);
      listeners.run(
          () -> {
            synchronized (lock) {
              gone = true;
              lock.notifyAll();
            }
          });
    } else {
      tell("the server says: " + m.getError().getMessage(), true);
    }
  }

  /** On a new connection: resume the seat from the last event seen, or stay in the lobby. */
  private void takeSeatBack() throws IOException {
    String code;
    String tok;
    long seq;
    synchronized (lock) {
      code = model.seat().joinCode();
      tok = model.seat().token();
      seq = model.lastSeq();
    }
    if (tok.isEmpty()) {
      tell("reconnected to " + address, false);
      return;
    }
    ServerMessage r;
    try {
      r =
          call(
              ClientMessage.newBuilder()
                  .setResume(Resume.newBuilder().setJoinCode(code).setToken(tok).setLastSeq(seq)));
    } finally {
      synchronized (lock) {
        resuming = false;
        lock.notifyAll();
      }
    }
    if (r.hasResumed()) {
      int n = r.getResumed().getReplayed();
      tell("reconnected" + (n == 0 ? "" : "; " + n + " event(s) you missed follow"), false);
      return;
    }
    synchronized (lock) {
      // Forget the saved seat before anyone waiting is told the seat is gone.
      if (r.getError().getCode() == ErrorCode.INVALID_TOKEN
          || r.getError().getCode() == ErrorCode.UNKNOWN_SESSION) {
        forgetCurrent();
      }
      model.lostSeat();
      lock.notifyAll();
    }
    tell(
        "reconnected, but the seat is gone ("
            + r.getError().getMessage()
            + "); you are in the lobby",
        true);
    listeners.viewChanged();
  }

  private void forgetCurrent() {
    synchronized (lock) {
      try {
        model.seat().forget();
      } catch (IOException e) {
        tell("could not update " + model.seat().store().file() + ": " + e.getMessage(), true);
      }
    }
  }

  private void tell(String text, boolean problem) {
    listeners.notice(text, problem);
  }

  // ---------------------------------------------------------------------------------------------
  // Reading the state

  /** Waits until {@code condition} holds; false on timeout or when the seat is closed for good. */
  public boolean await(Predicate<ClientSession> condition, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (!condition.test(this)) {
        long left = end - System.nanoTime();
        if (left <= 0 || gone) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }

  /** Waits until every listener has heard every event delivered so far. */
  public void drain() {
    listeners.drain();
  }

  public boolean inSession() {
    synchronized (lock) {
      return model.inSession();
    }
  }

  public boolean isConnected() {
    return connection.isConnected();
  }

  boolean resuming() {
    synchronized (lock) {
      return resuming;
    }
  }

  public boolean isGone() {
    synchronized (lock) {
      return gone;
    }
  }

  public Role role() {
    synchronized (lock) {
      return model.seat().role();
    }
  }

  /** The player's country ("" for others). */
  public String country() {
    synchronized (lock) {
      return model.view() == null ? "" : model.view().getViewerCountry();
    }
  }

  public String joinCode() {
    synchronized (lock) {
      return model.seat().joinCode();
    }
  }

  /** The seat's secret token ("" in the lobby); show it only to its owner. */
  public String token() {
    synchronized (lock) {
      return model.seat().token();
    }
  }

  public String displayName() {
    synchronized (lock) {
      return model.seat().name();
    }
  }

  /** The current view, or empty in the lobby. */
  public Optional<SessionView> view() {
    synchronized (lock) {
      return Optional.ofNullable(model.view());
    }
  }

  public long lastSeq() {
    synchronized (lock) {
      return model.lastSeq();
    }
  }

  /** Everything heard so far, as one immutable snapshot. */
  public ClientLog log() {
    synchronized (lock) {
      return model.log();
    }
  }

  /** The display name of a seat, present or removed; "seat N" if never seen. */
  public String seatName(long seatId) {
    return log().seatName(seatId);
  }

  public Map<Integer, TurnReport> reports() {
    return log().reports();
  }

  /**
   * Every message and news event received, and for a player each turn report's offers to its
   * country (a turn report event holding only those lines), oldest first.
   */
  public List<Event> inbox() {
    return log().inbox();
  }

  /** Messages, news and offers not yet shown by {@link #takeUnread}; marks them read. */
  public List<Event> takeUnread() {
    synchronized (lock) {
      List<Event> out = model.log().unread();
      model.markAllRead();
      return out;
    }
  }

  /** The number of messages received so far (for {@code wait message}). */
  public int messageCount() {
    return log().messageCount();
  }

  public int unreadCount() {
    return log().unreadCount();
  }

  public List<ScenarioSummary> scenarios() {
    synchronized (lock) {
      return scenarios;
    }
  }

  public void setScenarios(List<ScenarioSummary> list) {
    synchronized (lock) {
      scenarios = List.copyOf(list);
    }
  }

  public List<ChatMessage> messages() {
    return log().messages();
  }

  /** Closes the connection; no reconnection follows. */
  @Override
  public void close() {
    synchronized (lock) {
      closing = true;
    }
    connection.close();
    listeners.shutdown();
  }

  /** For tests of reconnection: drops the network connection as a failing network would. */
  public void dropConnectionForTest() {
    connection.drop();
  }
}
