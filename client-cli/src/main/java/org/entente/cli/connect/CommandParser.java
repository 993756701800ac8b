package org.entente.cli.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.cli.connect.CommandSpec.Mode;
import org.entente.cli.connect.CommandSpec.Where;
import org.entente.proto.protocol.v1.Announce;
import org.entente.proto.protocol.v1.AssignBot;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.Deadline;
import org.entente.proto.protocol.v1.EditDraft;
import org.entente.proto.protocol.v1.EndGame;
import org.entente.proto.protocol.v1.ExtendDeadline;
import org.entente.proto.protocol.v1.ForceResolution;
import org.entente.proto.protocol.v1.GetHistory;
import org.entente.proto.protocol.v1.GetView;
import org.entente.proto.protocol.v1.InjectEvent;
import org.entente.proto.protocol.v1.JoinSession;
import org.entente.proto.protocol.v1.LeaveSession;
import org.entente.proto.protocol.v1.ListScenarios;
import org.entente.proto.protocol.v1.MoveSeat;
import org.entente.proto.protocol.v1.MuteSeat;
import org.entente.proto.protocol.v1.Order;
import org.entente.proto.protocol.v1.PauseGame;
import org.entente.proto.protocol.v1.ReleaseBot;
import org.entente.proto.protocol.v1.RemoveSeat;
import org.entente.proto.protocol.v1.ReplaceOrder;
import org.entente.proto.protocol.v1.ResumeGame;
import org.entente.proto.protocol.v1.SendMessage;
import org.entente.proto.protocol.v1.SetReady;
import org.entente.proto.protocol.v1.Spectate;
import org.entente.proto.protocol.v1.StartGame;
import org.entente.proto.scenario.v1.Effect;
import org.entente.proto.scenario.v1.Press;

/**
 * Turns a typed line into either a request for the server or a local command, or a sentence
 * saying what is wrong with it. Pure: everything it needs to know about the session comes
 * through {@link Context}.
 */
// Over 400 lines on purpose: one short parse method per command of CommandSpec (the table
// that also drives help and completion); each reads on its own.
final class CommandParser {
  /** What the parser needs to know about the session. */
  interface Context {
    /** Where the user is: the lobby or a role in a session. */
    Where where();

    /** The open turn (0 before the game starts). */
    int turn();

    /** The server id of the n-th (1-based) order of the own draft. */
    OptionalLong orderId(int n);

    /** The seat with this number or display name (case-insensitive). */
    OptionalLong seatId(String numberOrName);

    /** Every seat whose display name is {@code name} (case-insensitive), described for the user ("4 Ani, ARM"). */
    default List<String> seatsNamed(String name) {
      return List.of();
    }

    /** The shell's mode: a class seat, the seat of {@code play}, or the hot seat of {@code play --hot-seat}. */
    default Mode mode() {
      return Mode.CLASS;
    }
  }

  /** The result: exactly one of {@code request} (a server request), a local command, or {@code error}. */
  record Parsed(String command, Words words, ClientMessage.Builder request, String error) {
    boolean isEmpty() {
      return command.isEmpty() && error == null;
    }

    boolean isError() {
      return error != null;
    }

    boolean isRequest() {
      return request != null;
    }

    /** The words after the command name. */
    List<String> args() {
      return words.from(1);
    }
  }

  private static final Pattern EFFECT = Pattern.compile("^(.+\\))\\s*([+-]\\d{1,4})$");
  private static final Pattern DURATION = Pattern.compile("^(\\d{1,6})([smh]?)$");

  private CommandParser() {}

  static Parsed parse(String line, Context ctx) {
    Words w;
    try {
      w = Words.split(line);
    } catch (IllegalArgumentException e) {
      return error(e.getMessage() + ".");
    }
    if (w.size() == 0 || w.get(0).startsWith("#")) {
      return new Parsed("", w, null, null);
    }
    String name = canonical(w.get(0).toLowerCase(Locale.ROOT));
    Optional<CommandSpec> spec = CommandSpec.named(name, ctx.mode());
    // A player's order kind wins over a command the player cannot type (RESUME CSTO is the order,
    // not the game master's resume).
    if (ctx.where() == Where.PLAYER
        && Orders.isKind(w.get(0))
        && (spec.isEmpty() || !spec.get().availableTo(Where.PLAYER, ctx.mode()))) {
      return draft(
          "add", w, ctx, EditDraft.newBuilder().setAdd(Order.newBuilder().setText(w.rawFrom(0))));
    }
    if (spec.isEmpty()) {
      return error(unknown(w.get(0), ctx.where(), ctx.mode()));
    }
    if (!spec.get().modes().contains(ctx.mode())) {
      return error(otherMode(spec.get(), ctx.mode()));
    }
    if (!spec.get().availableTo(ctx.where(), ctx.mode())) {
      return error(notHere(spec.get(), ctx.where()));
    }
    try {
      return parseKnown(name, w, ctx);
    } catch (Usage e) {
      return error(e.getMessage() + " Usage: " + spec.get().usage());
    }
  }

  private static String canonical(String name) {
    switch (name) {
      case "exit":
        return "quit";
      case "?":
        return "help";
      default:
        return name;
    }
  }

  private static Parsed parseKnown(String name, Words w, Context ctx) throws Usage {
    switch (name) {
      case "scenarios":
        noArgs(w);
        return ctx.where() == Where.LOBBY
            ? request(
                name,
                w,
                ClientMessage.newBuilder().setListScenarios(ListScenarios.getDefaultInstance()))
            : local(name, w);
      case "join":
        args(w, 3, 3, "join needs a code, your name and a country.");
        return request(
            name,
            w,
            ClientMessage.newBuilder()
                .setJoinSession(
                    JoinSession.newBuilder()
                        .setJoinCode(w.get(1))
                        .setDisplayName(w.get(2))
                        .setCountry(w.get(3).toUpperCase(Locale.ROOT))));
      case "spectate":
        args(w, 1, 2, "spectate needs a join code.");
        return request(
            name,
            w,
            ClientMessage.newBuilder()
                .setSpectate(
                    Spectate.newBuilder()
                        .setJoinCode(w.get(1))
                        .setDisplayName(w.size() > 2 ? w.get(2) : "Spectator")));
      case "create":
        return request(name, w, ClientMessage.newBuilder().setCreateSession(create(w)));
      case "gm":
        args(
            w,
            1,
            2,
            "gm needs the session's join code (the shell then asks for the game-master token).");
        return local(name, w);
      case "add":
        if (w.size() < 2) {
          throw new Usage("add needs an order, e.g. add GIVE_NOTICE CSTO.");
        }
        return draft(
            name, w, ctx, EditDraft.newBuilder().setAdd(Order.newBuilder().setText(w.rawFrom(1))));
      case "change":
        {
          if (w.size() < 3) {
            throw new Usage("change needs an order number and the new order.");
          }
          long id = orderId(w.get(1), ctx);
          return draft(
              name,
              w,
              ctx,
              EditDraft.newBuilder()
                  .setReplace(
                      ReplaceOrder.newBuilder()
                          .setOrderId(id)
                          .setOrder(Order.newBuilder().setText(w.rawFrom(2)))));
        }
      case "remove":
        args(w, 1, 2, "remove needs an order number (see 'orders'), or 'all'.");
        if (w.get(1).equalsIgnoreCase("all")) {
          if (w.size() == 3 && !w.get(2).equalsIgnoreCase("yes")) {
            throw new Usage("'remove all' takes only 'yes' after it, to confirm for the team.");
          }
          // Local first: it names what it takes back, and in a team asks for 'remove all yes'.
          return local(name, w);
        }
        args(w, 1, 1, "remove takes one order number.");
        return draft(name, w, ctx, EditDraft.newBuilder().setRemoveOrderId(orderId(w.get(1), ctx)));
      case "ready":
        {
          args(w, 0, 1, "ready takes no argument, or 'off'.");
          boolean ready = true;
          if (w.size() == 2) {
            String a = w.get(1).toLowerCase(Locale.ROOT);
            if (!a.equals("off") && !a.equals("on")) {
              throw new Usage("'" + w.get(1) + "' is neither 'on' nor 'off'.");
            }
            ready = a.equals("on");
          }
          return request(
              name,
              w,
              ClientMessage.newBuilder()
                  .setSetReady(SetReady.newBuilder().setTurn(ctx.turn()).setReady(ready)));
        }
      case "tell":
        if (w.size() < 3) {
          throw new Usage("tell needs a country and a message.");
        }
        return message(name, w, Channel.PRIVATE, w.get(1).toUpperCase(Locale.ROOT), w.textFrom(2));
      case "team":
        if (w.size() < 2) {
          throw new Usage("team needs a message.");
        }
        return message(name, w, Channel.TEAM, "", w.textFrom(1));
      case "public":
        if (w.size() < 2) {
          throw new Usage("public needs a message.");
        }
        return message(name, w, Channel.PUBLIC, "", w.textFrom(1));
      case "announce":
        if (w.size() < 2) {
          throw new Usage("announce needs a message.");
        }
        return request(
            name,
            w,
            ClientMessage.newBuilder().setAnnounce(Announce.newBuilder().setText(w.textFrom(1))));
      case "history":
        {
          args(w, 0, 1, "history takes at most one number.");
          int n = w.size() > 1 ? number(w.get(1), 1, 100, "the number of messages") : 20;
          return request(
              name,
              w,
              ClientMessage.newBuilder().setGetHistory(GetHistory.newBuilder().setLimit(n)));
        }
      case "refresh":
        noArgs(w);
        return request(
            name, w, ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance()));
      case "leave":
        noArgs(w);
        return request(
            name, w, ClientMessage.newBuilder().setLeaveSession(LeaveSession.getDefaultInstance()));
      case "start":
        noArgs(w);
        return request(
            name, w, ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));
      case "pause":
        noArgs(w);
        return request(
            name, w, ClientMessage.newBuilder().setPauseGame(PauseGame.getDefaultInstance()));
      case "resume":
        noArgs(w);
        return request(
            name, w, ClientMessage.newBuilder().setResumeGame(ResumeGame.getDefaultInstance()));
      case "extend":
        args(w, 1, 1, "extend needs a duration.");
        return request(
            name,
            w,
            ClientMessage.newBuilder()
                .setExtendDeadline(
                    ExtendDeadline.newBuilder().setSeconds(seconds(w.get(1), 1, 86400))));
      case "force":
        noArgs(w);
        return request(
            name,
            w,
            ClientMessage.newBuilder()
                .setForceResolution(ForceResolution.newBuilder().setTurn(ctx.turn())));
      case "end":
        noArgs(w);
        return request(
            name, w, ClientMessage.newBuilder().setEndGame(EndGame.getDefaultInstance()));
      case "inject":
        return request(name, w, ClientMessage.newBuilder().setInjectEvent(inject(w)));
      case "move":
        {
          args(w, 2, 2, "move needs a seat and a country.");
          long seat = seat(w.get(1), ctx);
          return request(
              name,
              w,
              ClientMessage.newBuilder()
                  .setMoveSeat(
                      MoveSeat.newBuilder()
                          .setSeatId(seat)
                          .setCountry(w.get(2).toUpperCase(Locale.ROOT))));
        }
      case "as":
        args(w, 1, 1, "as needs a country, e.g. as AZE.");
        return local(name, w);
      case "debrief":
        args(w, 0, 1, "debrief takes at most a directory.");
        return local(name, w);
      case "bot":
        {
          if (ctx.mode() == Mode.HOT_SEAT) {
            args(w, 1, 1, "bot needs a country, e.g. bot AZE.");
            return local(name, w);
          }
          args(w, 1, 2, "bot needs a country, then optionally 'off', e.g. bot AZE or bot AZE off.");
          String country = w.get(1).toUpperCase(Locale.ROOT);
          boolean on = true;
          if (w.size() == 3) {
            String a = w.get(2).toLowerCase(Locale.ROOT);
            if (!a.equals("off") && !a.equals("on")) {
              throw new Usage("'" + w.get(2) + "' is neither 'on' nor 'off'.");
            }
            on = a.equals("on");
          }
          return request(
              name,
              w,
              on
                  ? ClientMessage.newBuilder()
                      .setAssignBot(AssignBot.newBuilder().setCountry(country))
                  : ClientMessage.newBuilder()
                      .setReleaseBot(ReleaseBot.newBuilder().setCountry(country)));
        }
      case "kick":
        args(w, 1, 1, "kick needs a seat number or name.");
        return request(
            name,
            w,
            ClientMessage.newBuilder()
                .setRemoveSeat(RemoveSeat.newBuilder().setSeatId(seat(w.get(1), ctx))));
      case "mute":
        {
          args(
              w,
              1,
              2,
              "mute needs a seat number or name, then optionally 'off', e.g. mute Bob or mute Bob off.");
          long seat = seat(w.get(1), ctx);
          if (w.size() == 3 && !w.get(2).equalsIgnoreCase("off")) {
            throw new Usage(
                "'"
                    + w.get(2)
                    + "' is not 'off'; 'mute "
                    + w.get(1)
                    + " off' lets them send messages again.");
          }
          return request(
              name,
              w,
              ClientMessage.newBuilder()
                  .setMuteSeat(MuteSeat.newBuilder().setSeatId(seat).setMuted(w.size() == 2)));
        }
      case "watch":
        args(w, 0, 1, "watch takes 'on', 'off' or nothing.");
        if (w.size() == 2
            && !w.get(1).equalsIgnoreCase("on")
            && !w.get(1).equalsIgnoreCase("off")) {
          throw new Usage("'" + w.get(1) + "' is neither 'on' nor 'off'.");
        }
        return local(name, w);
      case "wait":
        WaitFor.parse(w.from(1));
        return local(name, w);
      case "report":
        args(w, 0, 1, "report takes at most a turn number.");
        if (w.size() == 2) {
          number(w.get(1), 1, 120, "the turn");
        }
        return local(name, w);
      case "rejoin":
      case "forget":
        args(w, 0, 1, name + " takes at most a join code.");
        return local(name, w);
      case "help":
      case "status":
        args(w, 0, 1, name + " takes at most one word.");
        return local(name, w);
      default:
        noArgs(w);
        return local(name, w);
    }
  }

  private static CreateSession.Builder create(Words w) throws Usage {
    args(w, 1, 4, "create needs a scenario id or file.");
    CreateSession.Builder b = CreateSession.newBuilder();
    String scenario = w.get(1);
    if (scenario.endsWith(".textproto") || scenario.contains("/")) {
      Path file = Path.of(scenario);
      try {
        b.setScenarioFile(
            org.entente.proto.protocol.v1.ScenarioFile.newBuilder()
                .setFileName(file.getFileName().toString())
                .setText(Files.readString(file, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new Usage("cannot read the scenario file " + scenario + ": " + e.getMessage() + ".");
      }
    } else {
      b.setBuiltinScenarioId(scenario);
    }
    for (String a : w.from(2)) {
      String upper = a.toUpperCase(Locale.ROOT);
      if (a.chars().allMatch(Character::isDigit)) {
        b.setTurns(number(a, 1, 120, "the number of turns"));
      } else if (upper.equals("FULL") || upper.equals("PUBLIC_ONLY") || upper.equals("NONE")) {
        b.setPress(Press.valueOf(upper));
      } else {
        b.setDeadline(deadline(a));
      }
    }
    return b;
  }

  /** {@code manual} (the game master advances turns) or a duration of 10 s to 24 h. */
  static Deadline deadline(String text) throws Usage {
    if (text.equalsIgnoreCase("manual")) {
      return Deadline.newBuilder().setGameMasterAdvanced(true).build();
    }
    return Deadline.newBuilder().setSecondsPerTurn(seconds(text, 10, 86400)).build();
  }

  /** A duration: {@code 90}, {@code 90s}, {@code 10m}, {@code 2h}, in seconds within the bounds. */
  static int seconds(String text, int min, int max) throws Usage {
    Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new Usage(
          "'"
              + text
              + "' is not a duration (write e.g. 90s, 10m or 1h"
              + (min >= 10 ? ", or manual" : "")
              + ").");
    }
    long n = Long.parseLong(m.group(1));
    long s = m.group(2).equals("h") ? n * 3600 : m.group(2).equals("m") ? n * 60 : n;
    if (s < min || s > max) {
      throw new Usage("'" + text + "' is outside " + min + " s .. " + (max / 3600) + " h.");
    }
    return (int) s;
  }

  private static InjectEvent.Builder inject(Words w) throws Usage {
    if (w.size() < 3) {
      throw new Usage("inject needs a title and a text.");
    }
    InjectEvent.Builder b = InjectEvent.newBuilder().setTitle(w.get(1)).setText(w.get(2));
    List<String> rest = new ArrayList<>(w.from(3));
    for (int i = 0; i < rest.size(); i++) {
      String a = rest.get(i);
      if (a.equals("--actor")) {
        if (i + 1 >= rest.size()) {
          throw new Usage("--actor needs a country id.");
        }
        b.setActor(rest.get(++i).toUpperCase(Locale.ROOT));
        continue;
      }
      Matcher m = EFFECT.matcher(a.replace(" ", ""));
      if (!m.matches()) {
        throw new Usage(
            "'"
                + a
                + "' is not an effect; write a quantity and a signed amount, e.g. sec(ARM)-5 or \"trust(RUS, ARM)+10\".");
      }
      b.addEffects(
          Effect.newBuilder().setTarget(m.group(1)).setDelta(Integer.parseInt(m.group(2))));
    }
    return b;
  }

  private static Parsed message(String name, Words w, Channel channel, String to, String text) {
    return request(
        name,
        w,
        ClientMessage.newBuilder()
            .setSendMessage(
                SendMessage.newBuilder().setChannel(channel).setToCountry(to).setText(text)));
  }

  private static Parsed draft(String name, Words w, Context ctx, EditDraft.Builder edit) {
    return request(name, w, ClientMessage.newBuilder().setEditDraft(edit.setTurn(ctx.turn())));
  }

  private static long orderId(String text, Context ctx) throws Usage {
    int n = number(text, 1, 99, "the order number");
    return ctx.orderId(n)
        .orElseThrow(() -> new Usage("there is no order " + n + " (type 'orders' to see them)."));
  }

  private static long seat(String text, Context ctx) throws Usage {
    List<String> named = ctx.seatsNamed(text);
    if (named.size() > 1 && !text.chars().allMatch(Character::isDigit)) {
      throw new Usage(
          "'"
              + text
              + "' names "
              + named.size()
              + " seats: "
              + String.join("; ", named)
              + ". Type the seat number.");
    }
    return ctx.seatId(text)
        .orElseThrow(() -> new Usage("no seat is numbered or named '" + text + "' (type 'who')."));
  }

  static int number(String text, int min, int max, String what) throws Usage {
    int n;
    try {
      n = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new Usage("'" + text + "' is not a number (" + what + ").");
    }
    if (n < min || n > max) {
      throw new Usage(what + " must be " + min + ".." + max + ", not " + n + ".");
    }
    return n;
  }

  private static void noArgs(Words w) throws Usage {
    args(w, 0, 0, w.get(0) + " takes no arguments.");
  }

  private static void args(Words w, int min, int max, String message) throws Usage {
    int n = w.size() - 1;
    if (n < min) {
      throw new Usage(message);
    }
    if (n > max) {
      throw new Usage("too many words after '" + w.get(0) + "' (did you forget quotes?).");
    }
  }

  private static String unknown(String word, Where where, Mode mode) {
    String lower = word.toLowerCase(Locale.ROOT);
    String close =
        CommandSpec.available(where, mode).stream()
            .map(CommandSpec::name)
            .filter(n -> Orders.distance(n, lower) <= 2)
            .min(java.util.Comparator.comparingInt(n -> Orders.distance(n, lower)))
            .map(n -> " Did you mean '" + n + "'?")
            .orElse("");
    if (close.isEmpty() && where == Where.PLAYER) {
      close = Orders.suggestKind(word).map(k -> " Did you mean the order " + k + "?").orElse("");
    }
    return "Unknown command '" + word + "'." + close + " Type 'help' for the commands.";
  }

  private static String otherMode(CommandSpec spec, Mode mode) {
    if (mode == Mode.HOT_SEAT) {
      return "'"
          + spec.name()
          + "' is not part of the hot seat: here you hold every seat you take; 'quit' ends the game.";
    }
    if (spec.modes().contains(Mode.PLAY)) {
      // Only a game this process runs holds the game master's connection that exports it.
      return "'"
          + spec.name()
          + "' works only in a game of entente play; in a class the game master writes the"
          + " debrief with entente debrief.";
    }
    return "'" + spec.name() + "' works only in the hot seat: entente play --hot-seat.";
  }

  private static String notHere(CommandSpec spec, Where where) {
    if (where == Where.LOBBY) {
      return "'"
          + spec.name()
          + "' works once you are in a session: join, spectate, create or gm first.";
    }
    if (spec.where().contains(Where.LOBBY) && spec.where().size() == 1) {
      return "'" + spec.name() + "' works only in the lobby; you are already in a session.";
    }
    if (spec.where().equals(java.util.EnumSet.of(Where.GAME_MASTER))) {
      return "'" + spec.name() + "' is for the game master.";
    }
    if (spec.name().equals("remove") && where == Where.GAME_MASTER) {
      return "'remove' takes back a player's order; to remove a seat, type 'kick SEAT'.";
    }
    return "'"
        + spec.name()
        + "' is for players"
        + (where == Where.SPECTATOR ? "; you are watching." : ".");
  }

  private static Parsed request(String name, Words w, ClientMessage.Builder request) {
    return new Parsed(name, w, request, null);
  }

  private static Parsed local(String name, Words w) {
    return new Parsed(name, w, null, null);
  }

  private static Parsed error(String message) {
    return new Parsed("", Words.split(""), null, message);
  }

  /** A usage mistake, with the sentence to show. */
  static final class Usage extends Exception {
    private static final long serialVersionUID = 1L;

    Usage(String message) {
      super(message, null, false, false);
    }
  }
}
