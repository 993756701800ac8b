package org.entente.cli.connect;

import static org.entente.cli.connect.Renderers.styled;

import com.google.protobuf.Struct;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.entente.cli.Safe;
import org.entente.cli.connect.CommandParser.Parsed;
import org.entente.cli.connect.CommandSpec.Mode;
import org.entente.cli.connect.CommandSpec.Where;
import org.entente.client.ClientSession;
import org.entente.client.SeatStore;
import org.entente.client.ViewModel;
import org.entente.proto.protocol.v1.Briefing;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.Draft;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.SeatInfo;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.SessionView;
import org.jline.utils.AttributedString;

/**
 * Runs typed commands against the {@link ClientSession} it speaks for and writes what happened to
 * an {@link Output}. The interactive shell and scripts share it. It only coordinates: {@link
 * EventPrinter} prints what the server pushes, {@link Confirmations} what a response to a request
 * says, {@link LocalCommands} what is computed from the local view, and {@link HotSeat} the seats
 * of {@code play --hot-seat}, where the session spoken for changes with {@code as COUNTRY}. In a
 * game {@code play} runs, a {@link LocalDebrief} writes the debrief.
 */
final class Console implements CommandParser.Context {
  /** What a command did. */
  enum Result {
    OK,
    /** Refused by the server or mistyped: a script stops with exit code 1. */
    FAILED,
    QUIT
  }

  private static final java.time.Duration BRIEFING_WAIT = java.time.Duration.ofSeconds(10);

  private final Output out;
  private final HotSeat hotSeat;
  private final LocalDebrief localDebrief;
  private final Confirmations confirmations;
  private final LocalCommands locals;
  private volatile ClientSession session;
  private volatile boolean watchDrafts;

  /** Sessions this console has spoken for, each with its event printer and the extra listeners. */
  private final Set<ClientSession> attached = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final List<ClientSession.Listener> listeners = new CopyOnWriteArrayList<>();
  private volatile SecretPrompt secrets = SecretPrompt.NONE;

  /** The server's creation key once given (--create-key or typed at the prompt); kept in memory only. */
  private volatile String creationKey;

  /**
   * Asks the user for a secret without showing it or keeping it in the shell's history: a
   * creation key, a game-master token. Empty when nobody can answer (a script, a pipe).
   */
  @FunctionalInterface
  interface SecretPrompt {
    SecretPrompt NONE = question -> Optional.empty();

    Optional<String> ask(String question);
  }

  Console(ClientSession session, Output out) {
    this(session, out, null, null);
  }

  /**
   * A console for one class seat (both null), for the seat of {@code play} ({@code localDebrief}
   * only), or for the hot seat (both).
   */
  Console(ClientSession session, Output out, HotSeat hotSeat, LocalDebrief localDebrief) {
    if (hotSeat != null && localDebrief == null) {
      throw new IllegalArgumentException(
          "the hot seat writes the debrief: it needs a LocalDebrief");
    }
    this.out = out;
    this.hotSeat = hotSeat;
    this.localDebrief = localDebrief;
    this.confirmations = new Confirmations(this, out);
    this.locals = new LocalCommands(this, out);
    speakFor(session);
  }

  /** How the console asks for a secret (the interactive shell sets it). */
  void secretPrompt(SecretPrompt prompt) {
    secrets = prompt;
  }

  /** Asks for a secret; empty if nobody can answer or the answer is blank. */
  Optional<String> askSecret(String question) {
    return secrets.ask(question).map(String::strip).filter(a -> !a.isEmpty());
  }

  /** The creation key sent with every {@code create} from now on. */
  void creationKey(String key) {
    creationKey = key;
  }

  /** The session this console speaks for now. */
  ClientSession session() {
    return session;
  }

  /** The hot seat's seats, or null in the class shell. */
  HotSeat hotSeat() {
    return hotSeat;
  }

  /** What writes the debrief of a game {@code play} runs, or null in a class's shell. */
  LocalDebrief localDebrief() {
    return localDebrief;
  }

  Output out() {
    return out;
  }

  /** From now on typed commands go to {@code s}, and only its events are printed. */
  void speakFor(ClientSession s) {
    ClientSession before = session;
    session = s;
    if (attached.add(s)) {
      s.addListener(new EventPrinter(this, s, out));
      listeners.forEach(s::addListener);
    }
    if (before != null && before != s) {
      listeners.forEach(ClientSession.Listener::viewChanged);
    }
  }

  /** Whether events of {@code s} are to be printed: those of the session spoken for. */
  boolean speaksFor(ClientSession s) {
    return session == s;
  }

  /** Adds a listener to every session this console speaks for, now and later (the shell's status line). */
  void addListener(ClientSession.Listener l) {
    listeners.add(l);
    attached.forEach(s -> s.addListener(l));
  }

  boolean watchDrafts() {
    return watchDrafts;
  }

  void watchDrafts(boolean on) {
    watchDrafts = on;
  }

  /** A sentence about the connection, printed like the session's own notices. */
  void notice(String text, boolean problem) {
    EventPrinter.notice(out, text, problem);
  }

  /** Shows a command as a script runs it (not in JSON mode). */
  void echo(String command) {
    if (!out.json()) {
      out.print(styled(Renderers.NAME, "> " + Safe.line(command)));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Context for the parser

  @Override
  public Where where() {
    return switch (session.role()) {
      case PLAYER -> Where.PLAYER;
      case SPECTATOR -> Where.SPECTATOR;
      case GAME_MASTER -> Where.GAME_MASTER;
      case ROLE_UNSPECIFIED, UNRECOGNIZED -> Where.LOBBY;
    };
  }

  @Override
  public Mode mode() {
    return hotSeat != null ? Mode.HOT_SEAT : localDebrief != null ? Mode.PLAY : Mode.CLASS;
  }

  @Override
  public int turn() {
    return session.view().map(SessionView::getTurn).orElse(0);
  }

  @Override
  public OptionalLong orderId(int n) {
    Optional<SessionView> v = session.view();
    if (v.isEmpty()) {
      return OptionalLong.empty();
    }
    Draft d = ViewModel.ownDraft(v.get());
    return n >= 1 && n <= d.getOrdersCount()
        ? OptionalLong.of(d.getOrders(n - 1).getOrderId())
        : OptionalLong.empty();
  }

  @Override
  public OptionalLong seatId(String numberOrName) {
    for (SeatInfo s : session.view().map(SessionView::getSeatsList).orElse(List.of())) {
      if (String.valueOf(s.getSeatId()).equals(numberOrName)
          || s.getDisplayName().equalsIgnoreCase(numberOrName)) {
        return OptionalLong.of(s.getSeatId());
      }
    }
    return OptionalLong.empty();
  }

  @Override
  public List<String> seatsNamed(String name) {
    return session.view().map(SessionView::getSeatsList).orElse(List.of()).stream()
        .filter(s -> s.getDisplayName().equalsIgnoreCase(name))
        .map(
            s ->
                s.getSeatId()
                    + " "
                    + Safe.text(s.getDisplayName())
                    + ", "
                    + (s.getCountry().isEmpty()
                        ? Renderers.role(s.getRole())
                        : Safe.text(s.getCountry())))
        .toList();
  }

  // ---------------------------------------------------------------------------------------------
  // Commands

  Result run(String line) {
    Parsed p = CommandParser.parse(line, this);
    if (p.isEmpty()) {
      return Result.OK;
    }
    if (session.isGone()) {
      out.print(
          styled(Renderers.BAD, "This seat was closed by the server; connect again to continue."));
      return Result.FAILED;
    }
    if (p.isError()) {
      return fail(p.command(), List.of(styled(Renderers.BAD, Safe.line(p.error()))));
    }
    try {
      if (p.isRequest()) {
        return request(p);
      }
      return hotSeat != null && HotSeat.COMMANDS.contains(p.command())
          ? hotSeat.run(p, this)
          : locals.run(p);
    } catch (IOException e) {
      return fail(
          p.command(),
          List.of(styled(Renderers.BAD, "Could not " + p.command() + ": " + e.getMessage() + ".")));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.QUIT;
    }
  }

  private Result request(Parsed p) throws IOException, InterruptedException {
    ClientMessage.Builder request = p.request();
    if (request.hasCreateSession() && creationKey != null) {
      request.getCreateSessionBuilder().setCreationKey(creationKey);
    }
    ServerMessage r = call(p, request);
    if (r.hasError()
        && request.hasCreateSession()
        && r.getError().getCode() == ErrorCode.PERMISSION_DENIED) {
      // The server asks for a creation key (or another one): ask once, never echoing it.
      Optional<String> key = askSecret("Creation key (from whoever runs the server; not shown): ");
      if (key.isPresent()) {
        creationKey = key.get();
        request.getCreateSessionBuilder().setCreationKey(creationKey);
        r = call(p, request);
      }
    }
    if (r.hasError()) {
      return Result.FAILED;
    }
    if (hotSeat != null && request.hasSetReady() && request.getSetReady().getReady()) {
      return hotSeat.endTurn(this, request.getSetReady().getTurn());
    }
    return request.hasLeaveSession() ? Result.QUIT : Result.OK;
  }

  /** Sends a request of command {@code p} and prints its response in order with the events. */
  ServerMessage call(Parsed p, ClientMessage.Builder request) throws IOException {
    return session.call(request, response -> confirmations.report(p, request, response));
  }

  /** Takes back a saved seat, printing the welcome. */
  ServerMessage resume(Parsed p, SeatStore.Seat seat) throws IOException {
    return session.resume(seat, response -> confirmations.report(p, null, response));
  }

  /** The session's briefing from the server (fetched once after joining; a moment's wait if it is on its way). */
  Optional<Briefing> briefing() throws InterruptedException {
    return session.briefing(BRIEFING_WAIT);
  }

  /** Prints a local command's lines (one JSON object with them in JSON mode). */
  Result emit(String command, List<AttributedString> lines) {
    if (out.json()) {
      Struct.Builder s =
          Struct.newBuilder()
              .putFields("command", Output.string(command))
              .putFields("ok", Output.bool(true))
              .putFields("lines", Output.lines(lines));
      if (command.equals("status")
          || command.equals("watch")
          || command.equals("who")
          || command.equals("orders")) {
        session.view().ifPresent(v -> s.putFields("view", Output.message(v)));
      }
      out.printJson(Output.json(s.build()));
    } else {
      out.print(lines);
    }
    return Result.OK;
  }

  /** Prints why a command failed; a script stops here. */
  Result fail(String command, List<AttributedString> lines) {
    if (out.json()) {
      out.printJson(
          Output.json(
              Struct.newBuilder()
                  .putFields("command", Output.string(command))
                  .putFields("ok", Output.bool(false))
                  .putFields("lines", Output.lines(lines))
                  .build()));
    } else {
      out.print(lines);
    }
    return Result.FAILED;
  }
}
