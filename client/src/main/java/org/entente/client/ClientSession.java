package org.entente.client;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * One user's session with a server, independent of any terminal. A thin facade over its
 * pieces: the {@link ReconnectingConnection}, {@link RetryingRequests}, the {@link SeatKeeper}
 * and the immutable {@link ClientLog}; it owns what ties them together: the view model kept
 * current by the server's events ({@link ViewModel}), the scenario's {@link Briefing} as the
 * server sent it, and the order in which listeners hear things.
 *
 * <p>Thread-safe. Listeners are called on one dedicated thread, in the order events arrived.
 */
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
  private final String clientName;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(new DefaultThreadFactory("entente-ui", true));
  private final RetryingRequests requests;
  private final Object lock = new Object();
  private volatile ReconnectingConnection connection;

  // Guarded by lock.
  private final SeatKeeper seat;
  private ClientLog log = ClientLog.EMPTY;
  private SessionView view;
  private long viewSeq;
  private long lastSeq;
  /** An enter request is in flight: its events wait until its response set the seat. */
  private boolean entering;
  private final Deque<Event> held = new ArrayDeque<>();
  private int catchUpLeft;
  private List<ScenarioSummary> scenarios = List.of();
  private boolean closing;
  private boolean gone;
  /** The connection dropped while holding a seat, and the seat is not yet taken back. */
  private boolean resuming;
  private Briefing briefing;
  /** The seat {@link #briefing} was asked for ("" for none); a new seat or country asks again. */
  private String briefingFor = "";
  private boolean briefingAsked;

  private ClientSession(ServerAddress address, SeatStore seats, String clientName) {
    this.address = address;
    this.clientName = clientName;
    this.seat = new SeatKeeper(address, seats);
    this.requests = new RetryingRequests(address, new RetryingRequests.Transport() {
      @Override
      public ServerMessage send(ClientMessage.Builder request, Consumer<ServerMessage> inOrder) throws IOException, ConnectionLost {
        return ClientSession.this.send(request, inOrder);
      }

      @Override
      public boolean awaitReady(ConnectionStage stage, Duration timeout) throws InterruptedException {
        return await(s -> s.isConnected() && !s.resuming() && (stage != ConnectionStage.IN_SESSION || s.inSession()), timeout);
      }
    });
  }

  /**
   * Connects and says hello.
   *
   * @throws IOException with a sentence for the user if the server cannot be reached
   */
  public static ClientSession connect(ServerAddress address, SeatStore seats, String clientName) throws IOException {
    ClientSession s = new ClientSession(address, seats, clientName);
    s.connection = ReconnectingConnection.open(address, clientName, s.new Wire());
    s.listScenarios();
    return s;
  }

  private void listScenarios() {
    try {
      ServerMessage list = connection.request(ClientMessage.newBuilder().setListScenarios(ListScenarios.getDefaultInstance()))
          .get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      setScenarios(list.getScenarioList().getScenariosList());
    } catch (Exception e) {
      // The list only feeds completion and 'scenarios'; a server that does not answer is caught later.
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
      return seat.store();
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
  public ServerMessage call(ClientMessage.Builder request, Consumer<ServerMessage> inOrder) throws IOException {
    return requests.call(request, inOrder);
  }

  private ServerMessage send(ClientMessage.Builder request, Consumer<ServerMessage> inOrder) throws IOException, ConnectionLost {
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
    sent.whenComplete((r, failure) -> {
      if (failure != null) {
        synchronized (lock) {
          entering = false;
        }
        done.completeExceptionally(failure);
        return;
      }
      absorb(request, r, () -> {
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
      throw new IOException("the server at " + address + " did not answer within " + REQUEST_TIMEOUT.toSeconds() + " s", e);
    }
  }

  private static boolean isEnter(ClientMessage.Builder r) {
    return r.hasCreateSession() || r.hasJoinSession() || r.hasSpectate() || r.hasResume();
  }

  /** What a response did to the session. */
  private enum Absorbed {
    NOTHING,
    VIEW,
    SEATED
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
      // No default: a new kind of response does not compile until it is decided here.
      Absorbed absorbed = switch (response.getBodyCase()) {
        case SESSION_CREATED -> {
          seated(Role.GAME_MASTER, request.getCreateSession().getDisplayName().isEmpty() ? "Game master"
              : request.getCreateSession().getDisplayName(), response.getSessionCreated().getJoinCode(),
              response.getSessionCreated().getGameMasterToken(), 0, response.getSessionCreated().getView(), 0);
          yield Absorbed.SEATED;
        }
        case JOINED -> {
          seated(response.getJoined().getRole(), request.hasJoinSession() ? request.getJoinSession().getDisplayName()
              : request.getSpectate().getDisplayName(), request.hasJoinSession() ? request.getJoinSession().getJoinCode()
              : request.getSpectate().getJoinCode(), response.getJoined().getSeatToken(), response.getJoined().getSeatId(),
              response.getJoined().getView(), 0);
          yield Absorbed.SEATED;
        }
        case RESUMED -> {
          seated(response.getResumed().getRole(), seat.name(), request.getResume().getJoinCode(), request.getResume().getToken(),
              response.getResumed().getSeatId(), response.getResumed().getView(), response.getResumed().getReplayed());
          if (request.getResume().getLastSeq() > 0) {
            catchUpLeft = 0;
          }
          yield Absorbed.SEATED;
        }
        case VIEW -> {
          setView(response.getView());
          yield Absorbed.VIEW;
        }
        case DRAFT_UPDATED -> {
          view = ViewModel.withDraft(view, response.getDraftUpdated().getDraft());
          yield Absorbed.VIEW;
        }
        case BRIEFING -> {
          keepBriefing(briefingKey(), response.getBriefing());
          yield Absorbed.NOTHING;
        }
        case OK -> {
          if (request.hasLeaveSession()) {
            closing = true;
            connection.stopReconnecting();
          }
          yield Absorbed.NOTHING;
        }
        case ERROR, EVENT, WELCOME, SCENARIO_LIST, HISTORY_PAGE, RECORD_EXPORT, BODY_NOT_SET -> Absorbed.NOTHING;
      };
      dispatcher.execute(inOrder);
      if (absorbed != Absorbed.NOTHING) {
        dispatcher.execute(() -> listeners.forEach(Listener::viewChanged));
      }
      if (absorbed == Absorbed.SEATED) {
        saveSeat();
        askForBriefing();
      }
      while (!held.isEmpty()) {
        handle(held.poll());
      }
      lock.notifyAll();
    }
  }

  private void seated(Role newRole, String newName, String code, String newToken, long newSeatId, SessionView v, int replayed) {
    seat.seated(newRole, newName, code, newToken, newSeatId);
    catchUpLeft = replayed;
    setView(v);
  }

  private void setView(SessionView v) {
    log = log.withSeats(v.getSeatsList());
    view = v;
    viewSeq = Math.max(viewSeq, v.getLastSeq());
  }

  private void saveSeat() {
    try {
      seat.save(view.getViewerCountry());
    } catch (IOException e) {
      tell("could not save the seat in " + seat.store().file() + ": " + e.getMessage() + "; you will have to rejoin by hand", true);
    }
  }

  /** Takes back a saved seat: resume with its token; all earlier events come back as catch-up. */
  public ServerMessage resume(SeatStore.Seat saved, Consumer<ServerMessage> inOrder) throws IOException {
    synchronized (lock) {
      seat.named(saved.name());
    }
    return call(ClientMessage.newBuilder().setResume(
        Resume.newBuilder().setJoinCode(saved.joinCode()).setToken(saved.token()).setLastSeq(0)), inOrder);
  }

  // ---------------------------------------------------------------------------------------------
  // The briefing

  /** The seat a briefing is for: its session, role and country. */
  private String briefingKey() {
    return view == null || seat.role() == Role.ROLE_UNSPECIFIED ? ""
        : seat.joinCode() + "/" + seat.role() + "/" + view.getViewerCountry();
  }

  /** Asks for the briefing of a new seat or country, once; a reconnect to the same seat keeps it. */
  private void askForBriefing() {
    String key = briefingKey();
    if (key.isEmpty() || key.equals(briefingFor) || briefingAsked) {
      return;
    }
    briefingAsked = true;
    connection.requestIfConnected(ClientMessage.newBuilder().setGetBriefing(GetBriefing.getDefaultInstance()))
        .whenComplete((r, failure) -> {
          synchronized (lock) {
            briefingAsked = false;
            if (r != null) {
              // A server that does not answer GetBriefing yet: no briefing, and no asking again.
              keepBriefing(key, r.hasBriefing() ? r.getBriefing() : null);
            }
            lock.notifyAll();
          }
        });
  }

  private void keepBriefing(String key, Briefing b) {
    if (!key.equals(briefingKey())) {
      return;
    }
    if (b == null || briefing == null || !b.getDigest().equals(briefing.getDigest())) {
      briefing = b;
    }
    briefingFor = key;
  }

  /** The scenario's briefing for this seat, as far as it has arrived (for completion: never waits). */
  public Optional<Briefing> briefing() {
    synchronized (lock) {
      return briefingFor.equals(briefingKey()) ? Optional.ofNullable(briefing) : Optional.empty();
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
    await(s -> !s.inSession() || s.briefingSettled(), timeout);
    return briefing();
  }

  private boolean briefingSettled() {
    synchronized (lock) {
      return briefingFor.equals(briefingKey()) || !briefingAsked;
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
        if (connection != null && !connection.isConnected() && !seat.token().isEmpty()) {
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
    boolean catchUp = catchUpLeft > 0;
    if (catchUp) {
      catchUpLeft--;
    }
    if (e.getSeq() <= lastSeq) {
      return;
    }
    lastSeq = e.getSeq();
    // No default: a new kind of event does not compile until it is decided here.
    log = switch (e.getKindCase()) {
      case MESSAGE, NEWS -> log.withInboxEvent(e, catchUp);
      case TURN_REPORT -> log.withReport(e.getTurnReport());
      case SEAT_MOVED -> {
        if (seat.isSeat(e.getSeatMoved().getSeatId()) && e.getSeq() > viewSeq) {
          view = view.toBuilder().setViewerCountry(e.getSeatMoved().getToCountry()).build();
          saveSeat();
          askForBriefing();
        }
        yield log;
      }
      case SEATS_CHANGED -> log.withSeats(e.getSeatsChanged().getSeatsList());
      case DRAFT_UPDATED, READINESS_CHANGED, PHASE_CHANGED, SEAT_REMOVED, BOT_CHANGED, KIND_NOT_SET -> log;
    };
    boolean changesView = e.getSeq() > viewSeq && view != null;
    if (changesView) {
      view = ViewModel.apply(view, e);
    }
    lock.notifyAll();
    dispatcher.execute(() -> listeners.forEach(l -> l.event(e, catchUp)));
    if (changesView) {
      dispatcher.execute(() -> listeners.forEach(Listener::viewChanged));
    }
    if (e.hasTurnReport() && !catchUp) {
      // The report's consequences (quantities, memberships) are in the next view.
      dispatcher.execute(this::refreshQuietly);
    }
  }

  private void refreshQuietly() {
    connection.requestIfConnected(ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance())).thenAccept(r -> {
      if (r.hasView()) {
        synchronized (lock) {
          setView(r.getView());
          lock.notifyAll();
          dispatcher.execute(() -> listeners.forEach(Listener::viewChanged));
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
      String why = code == ErrorCode.REPLACED
          ? "another terminal took over this seat; this one stops here"
          : "the game master removed your seat";
      // The seat counts as gone only once the user has been told why, in the listeners' order.
      dispatcher.execute(() -> {
        listeners.forEach(l -> l.notice(why, true));
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
      code = seat.joinCode();
      tok = seat.token();
      seq = lastSeq;
    }
    if (tok.isEmpty()) {
      tell("reconnected to " + address, false);
      return;
    }
    ServerMessage r;
    try {
      r = call(ClientMessage.newBuilder().setResume(Resume.newBuilder().setJoinCode(code).setToken(tok).setLastSeq(seq)));
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
      seat.lostSeat();
      view = null;
    }
    if (r.getError().getCode() == ErrorCode.INVALID_TOKEN || r.getError().getCode() == ErrorCode.UNKNOWN_SESSION) {
      forgetCurrent();
    }
    tell("reconnected, but the seat is gone (" + r.getError().getMessage() + "); you are in the lobby", true);
    dispatcher.execute(() -> listeners.forEach(Listener::viewChanged));
  }

  private void forgetCurrent() {
    synchronized (lock) {
      try {
        seat.forget();
      } catch (IOException e) {
        tell("could not update " + seat.store().file() + ": " + e.getMessage(), true);
      }
    }
  }

  private void tell(String text, boolean problem) {
    dispatcher.execute(() -> listeners.forEach(l -> l.notice(text, problem)));
  }

  // ---------------------------------------------------------------------------------------------
  // Reading the state

  /** Waits until {@code condition} holds; false on timeout or when the seat is closed for good. */
  public boolean await(Predicate<ClientSession> condition, Duration timeout) throws InterruptedException {
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
    try {
      dispatcher.submit(() -> {}).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // A listener stuck for 5 s is a bug elsewhere; draining is best effort.
    }
  }

  public boolean inSession() {
    synchronized (lock) {
      return view != null && seat.role() != Role.ROLE_UNSPECIFIED;
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
      return seat.role();
    }
  }

  /** The player's country ("" for others). */
  public String country() {
    synchronized (lock) {
      return view == null ? "" : view.getViewerCountry();
    }
  }

  public String joinCode() {
    synchronized (lock) {
      return seat.joinCode();
    }
  }

  /** The seat's secret token ("" in the lobby); show it only to its owner. */
  public String token() {
    synchronized (lock) {
      return seat.token();
    }
  }

  public String displayName() {
    synchronized (lock) {
      return seat.name();
    }
  }

  /** The current view, or empty in the lobby. */
  public Optional<SessionView> view() {
    synchronized (lock) {
      return Optional.ofNullable(view);
    }
  }

  public long lastSeq() {
    synchronized (lock) {
      return lastSeq;
    }
  }

  /** Everything heard so far, as one immutable snapshot. */
  public ClientLog log() {
    synchronized (lock) {
      return log;
    }
  }

  /** The display name of a seat, present or removed; "seat N" if never seen. */
  public String seatName(long seatId) {
    return log().seatName(seatId);
  }

  public Map<Integer, TurnReport> reports() {
    return log().reports();
  }

  /** Every message and news event received, oldest first. */
  public List<Event> inbox() {
    return log().inbox();
  }

  /** Messages and news not yet shown by {@link #takeUnread}; marks them read. */
  public List<Event> takeUnread() {
    synchronized (lock) {
      List<Event> out = log.unread();
      log = log.allRead();
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
    drain();
    dispatcher.shutdown();
  }

  /** For tests of reconnection: drops the network connection as a failing network would. */
  public void dropConnectionForTest() {
    connection.drop();
  }
}
