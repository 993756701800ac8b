package org.entente.cli.connect;

import static org.entente.cli.connect.Renderers.DIM;
import static org.entente.cli.connect.Renderers.plain;
import static org.entente.cli.connect.Renderers.styled;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.entente.cli.Safe;
import org.entente.cli.connect.CommandParser.Parsed;
import org.entente.cli.connect.Console.Result;
import org.entente.client.ClientSession;
import org.entente.client.ProtocolClient;
import org.entente.client.SeatStore;
import org.entente.client.ServerAddress;
import org.entente.client.ViewModel;
import org.entente.proto.protocol.v1.AssignBot;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CountryStatus;
import org.entente.proto.protocol.v1.GetView;
import org.entente.proto.protocol.v1.JoinSession;
import org.entente.proto.protocol.v1.RemoveSeat;
import org.entente.proto.protocol.v1.Role;
import org.entente.proto.protocol.v1.SeatInfo;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.SessionView;
import org.entente.proto.protocol.v1.SetReady;
import org.jline.utils.AttributedString;

/**
 * The seats of {@code play --hot-seat}: one terminal (a teacher at a projector) holding a player's
 * seat, one {@link ClientSession} each, for every country it has taken, on a server that bots
 * fill otherwise. The console speaks for one seat at a time ({@code as COUNTRY}); {@code ready}
 * readies every seat held, so the turn resolves at once; {@code bot COUNTRY} gives a seat back to
 * a bot through the game-master connection that created the session. Its {@code debrief} is the
 * shell's of every game {@code play} runs ({@link LocalDebrief}). Used from the shell's thread only.
 */
public final class HotSeat implements AutoCloseable {
  /** The commands the hot seat answers itself. */
  static final Set<String> COMMANDS = Set.of("as", "bot");

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** The name every seat of the hot seat has in the session. */
  private static final String NAME = "You";

  private final ServerAddress address;
  private final SeatStore seats;
  private final String joinCode;
  private final ProtocolClient gameMaster;

  /** The seats held, by country, in the order taken. */
  private final Map<String, ClientSession> held = new LinkedHashMap<>();

  private final ClientSession first;

  private HotSeat(
      ServerAddress address,
      SeatStore seats,
      String joinCode,
      ProtocolClient gameMaster,
      String country)
      throws IOException {
    this.address = address;
    this.seats = seats;
    this.joinCode = joinCode;
    this.gameMaster = gameMaster;
    this.first = join(country);
  }

  /**
   * Takes the seat of {@code country} in the session {@code joinCode} (whose other countries bots
   * play); {@code gameMaster} is the connection that created it.
   *
   * @throws IOException with a sentence for the user if the seat cannot be taken
   */
  public static HotSeat open(
      ServerAddress address,
      SeatStore seats,
      String joinCode,
      ProtocolClient gameMaster,
      String country)
      throws IOException {
    return new HotSeat(address, seats, joinCode, gameMaster, country);
  }

  /** The seat taken first, which the console speaks for at the start. */
  ClientSession first() {
    return first;
  }

  private ClientSession join(String country) throws IOException {
    ClientSession s = ClientSession.connect(address, seats, "entente-play");
    ServerMessage r =
        s.call(
            ClientMessage.newBuilder()
                .setJoinSession(
                    // Names are unique in a session: the seats taken after the first say whose they
                    // are.
                    JoinSession.newBuilder()
                        .setJoinCode(joinCode)
                        .setDisplayName(first == null ? NAME : NAME + " (" + country + ")")
                        .setCountry(country)));
    if (r.hasError()) {
      s.close();
      throw new IOException(r.getError().getMessage());
    }
    held.put(country, s);
    return s;
  }

  Result run(Parsed p, Console console) throws IOException {
    String arg = p.args().isEmpty() ? "" : p.args().get(0);
    return switch (p.command()) {
      case "as" -> takeSeat(console, arg.toUpperCase(Locale.ROOT));
      case "bot" -> handToBot(console, arg.toUpperCase(Locale.ROOT));
      default -> throw new IllegalStateException("no hot-seat handler for " + p.command());
    };
  }

  private Result takeSeat(Console console, String country) throws IOException {
    SessionView v = console.session().view().orElseThrow();
    List<String> playable =
        v.getCountriesList().stream()
            .filter(CountryStatus::getPlayable)
            .map(CountryStatus::getId)
            .toList();
    if (!playable.contains(country)) {
      return console.fail(
          "as",
          List.of(
              styled(
                  Renderers.BAD,
                  "'"
                      + Safe.line(country)
                      + "' is not a playable country: "
                      + String.join(", ", playable)
                      + ".")));
    }
    String name = Safe.line(ViewModel.nameOf(v, country));
    if (console.session().country().equals(country)) {
      return console.emit("as", List.of(plain("You already play " + name + ".")));
    }
    ClientSession seat = held.get(country);
    boolean fresh = seat == null;
    if (fresh) {
      seat = join(country);
    }
    console.speakFor(seat);
    List<AttributedString> lines = new ArrayList<>();
    lines.add(
        Renderers.styled(
            Renderers.GOOD,
            "You now play "
                + name
                + (fresh
                    ? " (its bot stands down for this game; 'bot " + country + "' hands it back)."
                    : ".")));
    if (seat.unreadCount() > 0) {
      lines.add(
          styled(
              DIM,
              seat.unreadCount()
                  + " unread message(s) or offer(s) for "
                  + name
                  + ": type 'inbox'."));
    }
    return console.emit("as", lines);
  }

  private Result handToBot(Console console, String country) throws IOException {
    SessionView v = console.session().view().orElseThrow();
    String name = Safe.line(ViewModel.nameOf(v, country));
    if (console.session().country().equals(country)) {
      return console.fail(
          "bot",
          List.of(
              styled(
                  Renderers.BAD,
                  "You are playing " + name + "; take another seat with 'as COUNTRY' first.")));
    }
    ClientSession seat = held.remove(country);
    if (seat == null) {
      return console.fail(
          "bot",
          List.of(
              styled(
                  Renderers.BAD,
                  "'"
                      + Safe.line(country)
                      + "' is not a seat you took; bots already"
                      + " play every country you have not.")));
    }
    seat.close();
    // A bot may play only a country without players: the seat goes first.
    for (SeatInfo s :
        gameMasterCall(ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance()))
            .getView()
            .getSeatsList()) {
      if (s.getRole() == Role.PLAYER && s.getCountry().equals(country)) {
        gameMasterCall(
            ClientMessage.newBuilder()
                .setRemoveSeat(RemoveSeat.newBuilder().setSeatId(s.getSeatId())));
      }
    }
    gameMasterCall(
        ClientMessage.newBuilder().setAssignBot(AssignBot.newBuilder().setCountry(country)));
    return console.emit("bot", List.of(styled(Renderers.GOOD, "A bot now plays " + name + ".")));
  }

  /**
   * After the seat spoken for said it is ready for {@code turn}: every other seat held says so
   * too, and the turn resolves (bots count as ready); waits for its report so that it is printed
   * before the next command runs.
   */
  Result endTurn(Console console, int turn) throws IOException, InterruptedException {
    ClientSession current = console.session();
    for (ClientSession seat : held.values()) {
      if (seat != current && seat.view().map(SessionView::getTurn).orElse(0) == turn) {
        ServerMessage r =
            seat.call(
                ClientMessage.newBuilder()
                    .setSetReady(SetReady.newBuilder().setTurn(turn).setReady(true)));
        if (r.hasError()) {
          return console.fail("ready", Renderers.error(r.getError(), console.out().width()));
        }
      }
    }
    boolean resolved =
        current.await(
            s ->
                s.reports().containsKey(turn)
                    && s.view().map(v -> v.getGame().getTurn() >= turn).orElse(false),
            TIMEOUT);
    current.drain();
    if (!resolved) {
      return console.fail(
          "ready",
          List.of(
              styled(
                  Renderers.BAD,
                  "Turn " + turn + " did not resolve within " + TIMEOUT.toSeconds() + " s.")));
    }
    return Result.OK;
  }

  private ServerMessage gameMasterCall(ClientMessage.Builder request) throws IOException {
    ServerMessage r;
    try {
      r = gameMaster.request(request).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (Exception e) {
      throw new IOException("the game master's connection failed: " + e.getMessage(), e);
    }
    if (r.hasError()) {
      throw new IOException(r.getError().getMessage());
    }
    return r;
  }

  /** Closes every seat's connection (the game master's is its creator's to close). */
  @Override
  public void close() {
    held.values().forEach(ClientSession::close);
    held.clear();
  }
}
