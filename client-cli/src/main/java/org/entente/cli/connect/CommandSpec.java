package org.entente.cli.connect;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One shell command as the user sees it: name, usage, one-line summary, an example, and where it
 * is available: for which roles, and in which modes of the shell. The parser, {@code help} and
 * tab completion all read this table, in every mode.
 */
record CommandSpec(
    String name, String usage, String summary, String example, Set<Where> where, Set<Mode> modes) {
  /** Where a command may be typed: in the lobby, or in a session with one of the roles. */
  enum Where {
    LOBBY,
    PLAYER,
    SPECTATOR,
    GAME_MASTER;

    static final Set<Where> SEATED = EnumSet.of(PLAYER, SPECTATOR, GAME_MASTER);
    static final Set<Where> ANYWHERE = EnumSet.allOf(Where.class);
  }

  /**
   * The shell's mode: {@code CLASS} is one seat on a class's server ({@code connect}); {@code
   * PLAY} is the same seat on the server {@code play} started in this process, whose game-master
   * connection also writes the debrief; {@code HOT_SEAT} is {@code play --hot-seat}, one terminal
   * holding a seat for each country the user takes, on such a server.
   */
  enum Mode {
    CLASS,
    PLAY,
    HOT_SEAT;

    static final Set<Mode> EVERY = EnumSet.allOf(Mode.class);

    /** The modes of one seat: the class shell's commands work in {@code play} too. */
    static final Set<Mode> ONE_SEAT = EnumSet.of(CLASS, PLAY);
  }

  static final List<CommandSpec> ALL =
      List.of(
          // Anywhere.
          spec(
              "help",
              "help [COMMAND|ORDER_KIND]",
              "list the commands, or explain one, or an order kind: its words, cost and options",
              "help orders",
              Where.ANYWHERE),
          spec(
              "clear",
              "clear",
              "clear the screen (Ctrl-L does too); to take back every order, type 'remove all'",
              "clear",
              Where.ANYWHERE),
          oneSeat(
              "quit",
              "quit",
              "leave the shell (your seat stays saved; 'exit' works too)",
              "quit",
              Where.ANYWHERE),
          oneSeat(
              "sessions",
              "sessions",
              "the seats saved for this server (tokens in ~/.config/entente/seats.json)",
              "sessions",
              Where.ANYWHERE),
          oneSeat(
              "forget",
              "forget [CODE]",
              "delete a saved seat's token (default: the current session's)",
              "forget ABC-DEF",
              Where.ANYWHERE),
          spec(
              "wait",
              "wait WHAT [TIMEOUT]",
              "for scripts: wait until turn N is open (turn N), a phase (phase ENDED), a report (report N), N players joined"
                  + " (players N) or a message arrives (message); the timeout defaults to 10m",
              "wait turn 2 30s",
              Where.ANYWHERE),
          // Lobby.
          spec(
              "scenarios",
              "scenarios",
              "the scenarios this server can run, with their countries",
              "scenarios",
              Where.ANYWHERE),
          oneSeat(
              "join",
              "join CODE NAME COUNTRY",
              "take a seat on a country's team",
              "join ABC-DEF Ani ARM",
              EnumSet.of(Where.LOBBY)),
          oneSeat(
              "spectate",
              "spectate CODE [NAME]",
              "watch a session's public view",
              "spectate ABC-DEF",
              EnumSet.of(Where.LOBBY)),
          oneSeat(
              "create",
              "create SCENARIO|FILE [TURNS] [DEADLINE] [PRESS]",
              "create a session and become its game master; DEADLINE is e.g. 10m, 90s or manual; PRESS is FULL, PUBLIC_ONLY or NONE",
              "create armenia-csto-2024 8 10m",
              EnumSet.of(Where.LOBBY)),
          oneSeat(
              "gm",
              "gm CODE [TOKEN]",
              "open the game-master console of a session; the shell asks for the token without showing it",
              "gm ABC-DEF",
              EnumSet.of(Where.LOBBY)),
          oneSeat(
              "rejoin",
              "rejoin [CODE]",
              "take back a seat saved for this server (the newest if no code)",
              "rejoin ABC-DEF",
              EnumSet.of(Where.LOBBY)),
          // Everyone seated.
          spec(
              "status",
              "status [COUNTRY]",
              "the turn, deadline, readiness, and your country's quantities, relations, memberships and obligations",
              "status",
              Where.SEATED),
          spec(
              "who",
              "who",
              "the seats: who plays which country, who is connected",
              "who",
              Where.SEATED),
          spec(
              "report",
              "report [TURN]",
              "a turn's report in plain sentences (default: the last)",
              "report 1",
              Where.SEATED),
          spec(
              "inbox",
              "inbox",
              "messages, news and offers to your country received since you last looked",
              "inbox",
              Where.SEATED),
          spec(
              "history",
              "history [N]",
              "the last N messages you may read, from the server (default 20, at most 100)",
              "history 50",
              Where.SEATED),
          spec(
              "briefing",
              "briefing",
              "the scenario's background and sources, and your hidden objectives",
              "briefing",
              Where.SEATED),
          spec(
              "timeline",
              "timeline",
              "the history before the start, then the turns played so far",
              "timeline",
              Where.SEATED),
          spec(
              "refresh",
              "refresh",
              "fetch the session's view from the server again",
              "refresh",
              Where.SEATED),
          oneSeat(
              "leave",
              "leave",
              "leave the session and quit (your seat stays saved: connect again to rejoin)",
              "leave",
              Where.SEATED),
          // Players.
          spec(
              "orders",
              "orders",
              "your country's orders this turn (the team shares them), numbered",
              "orders",
              EnumSet.of(Where.PLAYER)),
          spec(
              "add",
              "add ORDER  (or just ORDER)",
              "add an order; an illegal one is refused at once with the reason",
              "add GIVE_NOTICE CSTO",
              EnumSet.of(Where.PLAYER)),
          spec(
              "change",
              "change N ORDER",
              "replace order N with another",
              "change 1 FREEZE CSTO",
              EnumSet.of(Where.PLAYER)),
          spec(
              "remove",
              "remove N | remove all [yes]",
              "take back order N; 'remove all' takes back every order, naming them"
                  + " (in a team it asks for 'remove all yes', since the orders are the team's)",
              "remove 2",
              EnumSet.of(Where.PLAYER)),
          oneSeat(
              "ready",
              "ready [off]",
              "say your country is done for this turn ('ready off' to take it back)",
              "ready",
              EnumSet.of(Where.PLAYER)),
          spec(
              "kinds",
              "kinds",
              "the order kinds: their words, cost, options and what each does ('help KIND' for one)",
              "kinds",
              EnumSet.of(Where.PLAYER, Where.GAME_MASTER)),
          spec(
              "tell",
              "tell COUNTRY TEXT",
              "a private message to another country's team",
              "tell AZE \"Shall we talk borders?\"",
              EnumSet.of(Where.PLAYER)),
          spec(
              "team",
              "team TEXT",
              "a message to your own team",
              "team I will draft the CSTO orders",
              EnumSet.of(Where.PLAYER)),
          spec(
              "public",
              "public TEXT",
              "a public statement everyone reads",
              "public \"Armenia seeks peace.\"",
              EnumSet.of(Where.PLAYER)),
          // Game master.
          spec(
              "start",
              "start",
              "start the game: turn 1 opens",
              "start",
              EnumSet.of(Where.GAME_MASTER)),
          spec(
              "pause",
              "pause",
              "pause the game (the deadline keeps its time left)",
              "pause",
              EnumSet.of(Where.GAME_MASTER)),
          spec("resume", "resume", "resume a paused game", "resume", EnumSet.of(Where.GAME_MASTER)),
          spec(
              "extend",
              "extend DURATION",
              "give the turn more time, e.g. 2m or 90s",
              "extend 5m",
              EnumSet.of(Where.GAME_MASTER)),
          spec(
              "force",
              "force",
              "resolve the open turn now, ready or not",
              "force",
              EnumSet.of(Where.GAME_MASTER)),
          spec(
              "inject",
              "inject TITLE TEXT [REF+N|REF-N ...] [--actor ID]",
              "news for everyone now; effects apply at the coming resolution",
              "inject \"Border clash\" \"Shots near Tegh.\" sec(ARM)-5",
              EnumSet.of(Where.GAME_MASTER)),
          spec(
              "announce",
              "announce TEXT",
              "an announcement to everyone",
              "announce Ten minutes left for this turn",
              EnumSet.of(Where.GAME_MASTER)),
          spec(
              "move",
              "move SEAT COUNTRY",
              "move a player (seat number or name) to another team",
              "move Ani AZE",
              EnumSet.of(Where.GAME_MASTER)),
          oneSeat(
              "bot",
              "bot COUNTRY [off]",
              "a bot plays a country with no students (it counts as ready); 'off' takes it out. A student joining takes it out too",
              "bot AZE",
              EnumSet.of(Where.GAME_MASTER)),
          spec(
              "kick",
              "kick SEAT",
              "remove a player or spectator (seat number or name); their token stops working",
              "kick 4",
              EnumSet.of(Where.GAME_MASTER)),
          spec(
              "mute",
              "mute SEAT [off]",
              "refuse a player's messages (seat number or name); orders still count. 'off' lifts it",
              "mute Bob",
              EnumSet.of(Where.GAME_MASTER)),
          spec("end", "end", "end the game now", "end", EnumSet.of(Where.GAME_MASTER)),
          spec(
              "watch",
              "watch [on|off]",
              "the watch-everything view: every country's quantities, readiness and drafts; 'watch on' also prints every draft change",
              "watch",
              EnumSet.of(Where.GAME_MASTER)),
          spec(
              "code",
              "code",
              "the join code to read out, where the game-master token is saved, and the debrief command",
              "code",
              EnumSet.of(Where.GAME_MASTER)),
          // Hot seat: one terminal speaking for every country the user takes.
          hotSeat(
              "as",
              "as COUNTRY",
              "speak for another country: take its seat (its bot stands down); the prompt and the status line"
                  + " show whose seat it is",
              "as AZE"),
          hotSeat(
              "ready",
              "ready",
              "end the turn: every seat you hold is ready, and the turn resolves with the bots' orders",
              "ready"),
          hotSeat("bot", "bot COUNTRY", "hand a seat you hold back to a bot", "bot AZE"),
          hotSeat("score", "score", "how your country's hidden objectives stand now", "score"),
          hotSeat("quit", "quit", "end the game and leave ('exit' works too)", "quit"),
          // A game this process runs ('play', with or without --hot-seat).
          new CommandSpec(
              "debrief",
              "debrief [DIR]",
              "write debrief.md and debrief.html (the class debrief) to DIR (default: here)",
              "debrief out/",
              EnumSet.of(Where.PLAYER),
              EnumSet.of(Mode.PLAY, Mode.HOT_SEAT)));

  private static CommandSpec spec(
      String name, String usage, String summary, String example, Set<Where> where) {
    return new CommandSpec(name, usage, summary, example, Set.copyOf(where), Mode.EVERY);
  }

  private static CommandSpec oneSeat(
      String name, String usage, String summary, String example, Set<Where> where) {
    return new CommandSpec(name, usage, summary, example, Set.copyOf(where), Mode.ONE_SEAT);
  }

  /** A command of the hot seat, where the user is always a player. */
  private static CommandSpec hotSeat(String name, String usage, String summary, String example) {
    return new CommandSpec(
        name, usage, summary, example, EnumSet.of(Where.PLAYER), EnumSet.of(Mode.HOT_SEAT));
  }

  /** Whether the command may be typed by this role in this mode. */
  boolean availableTo(Where w, Mode mode) {
    return where.contains(w) && modes.contains(mode);
  }

  /** The commands this role may type in this mode, in the table's order. */
  static List<CommandSpec> available(Where w, Mode mode) {
    return ALL.stream().filter(s -> s.availableTo(w, mode)).toList();
  }

  /** The command of this name in this mode; else one of another mode (the parser says where it works). */
  static java.util.Optional<CommandSpec> named(String name, Mode mode) {
    return ALL.stream()
        .filter(s -> s.name().equals(name))
        .filter(s -> s.modes().contains(mode))
        .findFirst()
        .or(() -> named(name));
  }

  static java.util.Optional<CommandSpec> named(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
