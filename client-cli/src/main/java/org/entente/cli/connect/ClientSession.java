package org.entente.cli.connect;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.entente.proto.protocol.v1.ChatMessage;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.GetView;
import org.entente.proto.protocol.v1.ListScenarios;
import org.entente.proto.protocol.v1.Resume;
import org.entente.proto.protocol.v1.Role;
import org.entente.proto.protocol.v1.ScenarioSummary;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.SessionView;
import org.entente.proto.protocol.v1.TurnReport;
import org.entente.server.client.ProtocolClient;

/**
 * One user's connection to a server, independent of any terminal: the seat (role, country,
 * token), the view model kept current by the server's events, the log of messages and reports,
 * and automatic reconnection (1, 2, 4... up to 30 s) that resumes from the last event seen.
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
  static final int MAX_BACKOFF_SECONDS = 30;
  /** How long a change whose connection dropped waits for the seat to come back before giving up. */
  static final Duration RETRY_WAIT = Duration.ofSeconds(60);
  private static final java.security.SecureRandom KEYS = new java.security.SecureRandom();

  private final ServerAddress address;
  private final SeatStore seats;
  private final String clientName;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(new DefaultThreadFactory("entente-ui", true));
  private final ScheduledExecutorService reconnector =
      Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("entente-reconnect", true));
  private final Object lock = new Object();

  // Guarded by lock.
  private ProtocolClient client;
  private boolean connected;
  private Role role = Role.ROLE_UNSPECIFIED;
  private String joinCode = "";
  private String token = "";
  private String name = "";
  private long seatId;
  private SessionView view;
  private long viewSeq;
  private long lastSeq;
  private boolean entering;
  private final Deque<Event> held = new ArrayDeque<>();
  private int catchUpLeft;
  private final TreeMap<Integer, TurnReport> reports = new TreeMap<>();
  /** Every seat's name ever seen, so that a removed seat can still be named. */
  private final Map<Long, String> seatNames = new java.util.HashMap<>();
  private final List<Event> inbox = new ArrayList<>();
  private int inboxRead;
  private List<ScenarioSummary> scenarios = List.of();
  private boolean closing;
  private boolean gone;
  private boolean resuming;

  private ClientSession(ServerAddress address, SeatStore seats, String clientName) {
    this.address = address;
    this.seats = seats;
    this.clientName = clientName;
  }

  /**
   * Connects and says hello.
   *
   * @throws IOException with a sentence for the user if the server cannot be reached
   */
  public static ClientSession connect(ServerAddress address, SeatStore seats, String clientName) throws IOException {
    ClientSession s = new ClientSession(address, seats, clientName);
    s.open();
    return s;
  }

  public void addListener(Listener l) {
    listeners.add(l);
  }

  public ServerAddress address() {
    return address;
  }

  public SeatStore seats() {
    return seats;
  }

  private void open() throws IOException {
    ProtocolClient c;
    try {
      c = ProtocolClient.connectAndHello(address.host(), address.port(), clientName);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while connecting to " + address, e);
    } catch (Exception e) {
      throw new IOException("cannot reach the server at " + address + ": " + reason(e), e);
    }
    c.onEvent(this::onEvent);
    c.onUnsolicited(this::onUnsolicited);
    c.closeFuture().thenRun(() -> onClosed(c));
    synchronized (lock) {
      client = c;
      connected = true;
    }
    try {
      ServerMessage list = c.request(ClientMessage.newBuilder().setListScenarios(ListScenarios.getDefaultInstance()))
          .get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      synchronized (lock) {
        scenarios = list.getScenarioList().getScenariosList();
      }
    } catch (Exception e) {
      // The list only feeds completion and 'scenarios'; a server that does not answer is caught later.
    }
  }

  private static String reason(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && (t.getMessage() == null || t instanceof ExecutionException)) {
      t = t.getCause();
    }
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      return t.getClass().getSimpleName();
    }
    int colon = m.indexOf(": ");
    // Netty prefixes "Connection refused: host/1.2.3.4:7777"; keep the part people understand.
    return colon > 0 && m.startsWith("Connection refused") ? "connection refused (is the server running?)" : m;
  }

  // ---------------------------------------------------------------------------------------------
  // Requests

  /**
   * Sends a request and waits for its response (an {@code Error} response is returned, not
   * thrown). Responses that carry a view or a draft update the view model.
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
    boolean retriable = changesSession(request);
    if (retriable && request.getIdempotencyKey() == 0) {
      request.setIdempotencyKey(randomKey());
    }
    try {
      return send(request, inOrder);
    } catch (ConnectionLost e) {
      if (!retriable) {
        throw new IOException("the connection to " + address + " was lost", e);
      }
      // The change may or may not have been applied: once the seat is back, send it again
      // with the same key, and the server answers with the first response if it was.
      try {
        if (!await(s -> s.isConnected() && s.inSession() && !s.resuming(), RETRY_WAIT)) {
          throw new IOException("the connection to " + address + " was lost and did not come back within "
              + RETRY_WAIT.toSeconds() + " s; the command may not have been carried out", e);
        }
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", ie);
      }
      try {
        return send(request, inOrder);
      } catch (ConnectionLost again) {
        throw new IOException("the connection to " + address + " was lost again", again);
      }
    }
  }

  /** In-session requests that change something: safe to retry with their idempotency key. */
  private static boolean changesSession(ClientMessage.Builder r) {
    switch (r.getBodyCase()) {
      case EDIT_DRAFT:
      case SET_READY:
      case SEND_MESSAGE:
      case START_GAME:
      case PAUSE_GAME:
      case RESUME_GAME:
      case EXTEND_DEADLINE:
      case FORCE_RESOLUTION:
      case INJECT_EVENT:
      case MOVE_SEAT:
      case REMOVE_SEAT:
      case END_GAME:
      case ANNOUNCE:
        return true;
      default:
        return false;
    }
  }

  private static long randomKey() {
    long k = 0;
    while (k == 0) {
      k = KEYS.nextLong();
    }
    return k;
  }

  /** The connection closed before the response came. */
  private static final class ConnectionLost extends Exception {
    private static final long serialVersionUID = 1L;

    ConnectionLost(Throwable cause) {
      super(cause);
    }
  }

  private ServerMessage send(ClientMessage.Builder request, Consumer<ServerMessage> inOrder) throws IOException, ConnectionLost {
    ProtocolClient c;
    boolean enter = isEnter(request);
    synchronized (lock) {
      if (gone) {
        throw new IOException("this seat was closed by the server");
      }
      if (!connected) {
        if (closing || client == null) {
          throw new IOException("not connected to " + address);
        }
        throw new ConnectionLost(new IOException("not connected to " + address + " (reconnecting...)"));
      }
      c = client;
      if (enter) {
        entering = true;
      }
    }
    CompletableFuture<ServerMessage> done = new CompletableFuture<>();
    c.request(request).whenComplete((r, failure) -> {
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
      switch (response.getBodyCase()) {
        case SESSION_CREATED:
          seated(Role.GAME_MASTER, request.getCreateSession().getDisplayName().isEmpty() ? "Game master"
              : request.getCreateSession().getDisplayName(), response.getSessionCreated().getJoinCode(),
              response.getSessionCreated().getGameMasterToken(), 0, response.getSessionCreated().getView(), 0);
          break;
        case JOINED:
          seated(response.getJoined().getRole(), request.hasJoinSession() ? request.getJoinSession().getDisplayName()
              : request.getSpectate().getDisplayName(), request.hasJoinSession() ? request.getJoinSession().getJoinCode()
              : request.getSpectate().getJoinCode(), response.getJoined().getSeatToken(), response.getJoined().getSeatId(),
              response.getJoined().getView(), 0);
          break;
        case RESUMED: {
          seated(response.getResumed().getRole(), name, request.getResume().getJoinCode(), request.getResume().getToken(),
              response.getResumed().getSeatId(), response.getResumed().getView(), response.getResumed().getReplayed());
          if (request.getResume().getLastSeq() > 0) {
            catchUpLeft = 0;
          }
          break;
        }
        case VIEW:
          setView(response.getView());
          break;
        case DRAFT_UPDATED:
          view = ViewModel.withDraft(view, response.getDraftUpdated().getDraft());
          break;
        default:
          break;
      }
      if (request.hasLeaveSession() && response.hasOk()) {
        closing = true;
      }
      dispatcher.execute(inOrder);
      if (response.hasView() || response.hasSessionCreated() || response.hasJoined() || response.hasResumed()
          || response.hasDraftUpdated()) {
        dispatcher.execute(() -> listeners.forEach(Listener::viewChanged));
      }
      if (response.hasSessionCreated() || response.hasJoined() || response.hasResumed()) {
        saveSeat();
      }
      while (!held.isEmpty()) {
        handle(held.poll());
      }
      lock.notifyAll();
    }
  }

  private void seated(Role newRole, String newName, String code, String newToken, long newSeatId, SessionView v, int replayed) {
    role = newRole;
    name = newName;
    joinCode = SeatStore.normaliseCode(code);
    token = newToken;
    seatId = newSeatId;
    catchUpLeft = replayed;
    setView(v);
  }

  private void setView(SessionView v) {
    v.getSeatsList().forEach(seat -> seatNames.put(seat.getSeatId(), seat.getDisplayName()));
    view = v;
    viewSeq = Math.max(viewSeq, v.getLastSeq());
  }

  private void saveSeat() {
    try {
      seats.save(new SeatStore.Seat(address.toString(), joinCode, token, role.name(), view.getViewerCountry(), name));
    } catch (IOException e) {
      dispatcher.execute(() -> listeners.forEach(l -> l.notice("could not save the seat in " + seats.file() + ": "
          + e.getMessage() + "; you will have to rejoin by hand", true)));
    }
  }

  /** Takes back a saved seat: resume with its token; all earlier events come back as catch-up. */
  public ServerMessage resume(SeatStore.Seat seat, Consumer<ServerMessage> inOrder) throws IOException {
    synchronized (lock) {
      name = seat.name();
    }
    return call(ClientMessage.newBuilder().setResume(
        Resume.newBuilder().setJoinCode(seat.joinCode()).setToken(seat.token()).setLastSeq(0)), inOrder);
  }

  // ---------------------------------------------------------------------------------------------
  // Events

  private void onEvent(Event e) {
    synchronized (lock) {
      if (entering) {
        held.add(e);
        return;
      }
      handle(e);
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
    switch (e.getKindCase()) {
      case MESSAGE:
      case NEWS:
        inbox.add(e);
        if (catchUp) {
          inboxRead = inbox.size();
        }
        break;
      case TURN_REPORT:
        reports.put(e.getTurnReport().getTurn(), e.getTurnReport());
        break;
      case SEAT_MOVED:
        if (e.getSeatMoved().getSeatId() == seatId && seatId != 0 && e.getSeq() > viewSeq) {
          view = view.toBuilder().setViewerCountry(e.getSeatMoved().getToCountry()).build();
          saveSeat();
        }
        break;
      default:
        break;
    }
    e.getSeatsChanged().getSeatsList().forEach(seat -> seatNames.put(seat.getSeatId(), seat.getDisplayName()));
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
    ProtocolClient c;
    synchronized (lock) {
      if (!connected) {
        return;
      }
      c = client;
    }
    c.request(ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance())).thenAccept(r -> {
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

  private void onClosed(ProtocolClient c) {
    synchronized (lock) {
      if (client != c) {
        return;
      }
      connected = false;
      lock.notifyAll();
      if (closing || gone) {
        return;
      }
    }
    tell("connection to " + address + " lost; reconnecting in 1 s...", true);
    reconnector.schedule(() -> reconnect(1), 1, TimeUnit.SECONDS);
  }

  private void reconnect(int delaySeconds) {
    synchronized (lock) {
      if (closing || gone) {
        return;
      }
    }
    try {
      ProtocolClient c = ProtocolClient.connectAndHello(address.host(), address.port(), clientName);
      c.onEvent(this::onEvent);
      c.onUnsolicited(this::onUnsolicited);
      c.closeFuture().thenRun(() -> onClosed(c));
      String code;
      String tok;
      long seq;
      synchronized (lock) {
        client = c;
        connected = true;
        code = joinCode;
        tok = token;
        seq = lastSeq;
        resuming = !tok.isEmpty();
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
      } else {
        synchronized (lock) {
          role = Role.ROLE_UNSPECIFIED;
          view = null;
        }
        if (r.getError().getCode() == ErrorCode.INVALID_TOKEN || r.getError().getCode() == ErrorCode.UNKNOWN_SESSION) {
          forgetCurrent();
        }
        tell("reconnected, but the seat is gone (" + r.getError().getMessage() + "); you are in the lobby", true);
        dispatcher.execute(() -> listeners.forEach(Listener::viewChanged));
      }
    } catch (Exception e) {
      int next = Math.min(delaySeconds * 2, MAX_BACKOFF_SECONDS);
      tell("still cannot reach " + address + " (" + reason(e) + "); retrying in " + next + " s...", true);
      reconnector.schedule(() -> reconnect(next), next, TimeUnit.SECONDS);
    }
  }

  private void forgetCurrent() {
    String code;
    synchronized (lock) {
      code = joinCode;
    }
    try {
      seats.forget(address.toString(), code);
    } catch (IOException e) {
      tell("could not update " + seats.file() + ": " + e.getMessage(), true);
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
      return view != null && role != Role.ROLE_UNSPECIFIED;
    }
  }

  public boolean isConnected() {
    synchronized (lock) {
      return connected;
    }
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
      return role;
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
      return joinCode;
    }
  }

  /** The seat's secret token ("" in the lobby); shown only to its owner. */
  String token() {
    synchronized (lock) {
      return token;
    }
  }

  public String displayName() {
    synchronized (lock) {
      return name;
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

  /** The display name of a seat, present or removed; "seat N" if never seen. */
  public String seatName(long seatId) {
    synchronized (lock) {
      return seatNames.getOrDefault(seatId, "seat " + seatId);
    }
  }

  public Map<Integer, TurnReport> reports() {
    synchronized (lock) {
      return new TreeMap<>(reports);
    }
  }

  /** Every message and news event received, oldest first. */
  public List<Event> inbox() {
    synchronized (lock) {
      return List.copyOf(inbox);
    }
  }

  /** Messages and news not yet shown by {@link #takeUnread}; marks them read. */
  public List<Event> takeUnread() {
    synchronized (lock) {
      List<Event> out = List.copyOf(inbox.subList(inboxRead, inbox.size()));
      inboxRead = inbox.size();
      return out;
    }
  }

  /** The number of messages received so far (for {@code wait message}). */
  public int messageCount() {
    synchronized (lock) {
      return (int) inbox.stream().filter(Event::hasMessage).count();
    }
  }

  public int unreadCount() {
    synchronized (lock) {
      return inbox.size() - inboxRead;
    }
  }

  public List<ScenarioSummary> scenarios() {
    synchronized (lock) {
      return scenarios;
    }
  }

  void setScenarios(List<ScenarioSummary> list) {
    synchronized (lock) {
      scenarios = List.copyOf(list);
    }
  }

  List<ChatMessage> messages() {
    synchronized (lock) {
      return inbox.stream().filter(Event::hasMessage).map(Event::getMessage).toList();
    }
  }

  /** Closes the connection; no reconnection follows. */
  @Override
  public void close() {
    ProtocolClient c;
    synchronized (lock) {
      closing = true;
      c = client;
    }
    reconnector.shutdownNow();
    if (c != null) {
      c.close();
    }
    drain();
    dispatcher.shutdown();
  }

  /** For tests of reconnection: drops the network connection as a failing network would. */
  void dropConnectionForTest() {
    ProtocolClient c;
    synchronized (lock) {
      c = client;
    }
    c.close();
  }
}
