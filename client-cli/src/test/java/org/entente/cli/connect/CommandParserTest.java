package org.entente.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import org.entente.cli.connect.CommandParser.Parsed;
import org.entente.cli.connect.CommandSpec.Where;
import org.entente.client.ServerAddress;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.scenario.v1.Press;
import org.junit.jupiter.api.Test;

/** Typed lines to requests, with fixed inputs: what each command sends, and the sentence for each mistake. */
class CommandParserTest {
  /** A player of ARM on turn 3 with two orders (ids 41 and 42) and two seats. */
  record Fixed(Where where) implements CommandParser.Context {
    @Override
    public int turn() {
      return 3;
    }

    @Override
    public OptionalLong orderId(int n) {
      return n == 1 ? OptionalLong.of(41) : n == 2 ? OptionalLong.of(42) : OptionalLong.empty();
    }

    @Override
    public OptionalLong seatId(String s) {
      return s.equals("7") || s.equalsIgnoreCase("ani")
          ? OptionalLong.of(7)
          : s.equals("9") ? OptionalLong.of(9) : OptionalLong.empty();
    }

    /** Two seats are named Sam (9 on ARM, 12 on AZE). */
    @Override
    public List<String> seatsNamed(String name) {
      return name.equalsIgnoreCase("sam")
          ? List.of("9 Sam, ARM", "12 Sam, AZE")
          : name.equalsIgnoreCase("ani") ? List.of("7 Ani, ARM") : List.of();
    }
  }

  private static final Fixed PLAYER = new Fixed(Where.PLAYER);
  private static final Fixed GM = new Fixed(Where.GAME_MASTER);
  private static final Fixed LOBBY = new Fixed(Where.LOBBY);

  /** The player of {@code play --hot-seat}, otherwise like {@link #PLAYER}. */
  private static final CommandParser.Context HOT_SEAT =
      new CommandParser.Context() {
        @Override
        public Where where() {
          return Where.PLAYER;
        }

        @Override
        public CommandSpec.Mode mode() {
          return CommandSpec.Mode.HOT_SEAT;
        }

        @Override
        public int turn() {
          return PLAYER.turn();
        }

        @Override
        public java.util.OptionalLong orderId(int n) {
          return PLAYER.orderId(n);
        }

        @Override
        public java.util.OptionalLong seatId(String s) {
          return PLAYER.seatId(s);
        }
      };

  private static ClientMessage req(String line, CommandParser.Context ctx) {
    Parsed p = CommandParser.parse(line, ctx);
    assertThat(p.error()).as(line).isNull();
    assertThat(p.isRequest()).as(line).isTrue();
    return p.request().build();
  }

  private static String err(String line, CommandParser.Context ctx) {
    Parsed p = CommandParser.parse(line, ctx);
    assertThat(p.isError()).as(line).isTrue();
    return p.error();
  }

  @Test
  void aBareOrderIsAddedToTheOpenTurnKeepingItsQuotes() {
    ClientMessage m = req("STATEMENT RUS CRITICISE \"Words are not enough\"", PLAYER);
    assertThat(m.getEditDraft().getTurn()).isEqualTo(3);
    assertThat(m.getEditDraft().getAdd().getText())
        .isEqualTo("STATEMENT RUS CRITICISE \"Words are not enough\"");
    assertThat(req("add give_notice CSTO", PLAYER).getEditDraft().getAdd().getText())
        .isEqualTo("give_notice CSTO");
  }

  @Test
  void changeAndRemoveUseTheServerIdsOfTheNumberedOrders() {
    ClientMessage change = req("change 2 FREEZE CSTO", PLAYER);
    assertThat(change.getEditDraft().getReplace().getOrderId()).isEqualTo(42);
    assertThat(change.getEditDraft().getReplace().getOrder().getText()).isEqualTo("FREEZE CSTO");
    assertThat(req("remove 1", PLAYER).getEditDraft().getRemoveOrderId()).isEqualTo(41);
    assertThat(err("remove 5", PLAYER))
        .isEqualTo(
            "there is no order 5 (type 'orders' to see them). Usage: remove N | remove all [yes]");
    assertThat(err("remove two", PLAYER)).startsWith("'two' is not a number (the order number).");
  }

  @Test
  void readyAndUnready() {
    assertThat(req("ready", PLAYER).getSetReady().getReady()).isTrue();
    assertThat(req("ready off", PLAYER).getSetReady().getReady()).isFalse();
    assertThat(req("ready", PLAYER).getSetReady().getTurn()).isEqualTo(3);
    assertThat(err("ready maybe", PLAYER)).startsWith("'maybe' is neither 'on' nor 'off'.");
  }

  @Test
  void messagesGoToTheRightChannel() {
    ClientMessage tell = req("tell aze \"Shall we talk?\"", PLAYER);
    assertThat(tell.getSendMessage().getChannel()).isEqualTo(Channel.PRIVATE);
    assertThat(tell.getSendMessage().getToCountry()).isEqualTo("AZE");
    assertThat(tell.getSendMessage().getText()).isEqualTo("Shall we talk?");
    assertThat(req("team I draft the CSTO orders", PLAYER).getSendMessage().getText())
        .isEqualTo("I draft the CSTO orders");
    assertThat(req("public Armenia seeks peace.", PLAYER).getSendMessage().getChannel())
        .isEqualTo(Channel.PUBLIC);
    assertThat(req("announce Ten minutes left", GM).getAnnounce().getText())
        .isEqualTo("Ten minutes left");
    assertThat(err("tell RUS", PLAYER))
        .isEqualTo("tell needs a country and a message. Usage: tell COUNTRY TEXT");
  }

  @Test
  void lobbyCommands() {
    ClientMessage join = req("join abc-def \"Ani K\" arm", LOBBY);
    assertThat(join.getJoinSession().getJoinCode()).isEqualTo("abc-def");
    assertThat(join.getJoinSession().getDisplayName()).isEqualTo("Ani K");
    assertThat(join.getJoinSession().getCountry()).isEqualTo("ARM");
    ClientMessage create = req("create armenia-csto-2024 8 10m PUBLIC_ONLY", LOBBY);
    assertThat(create.getCreateSession().getBuiltinScenarioId()).isEqualTo("armenia-csto-2024");
    assertThat(create.getCreateSession().getTurns()).isEqualTo(8);
    assertThat(create.getCreateSession().getDeadline().getSecondsPerTurn()).isEqualTo(600);
    assertThat(create.getCreateSession().getPress()).isEqualTo(Press.PUBLIC_ONLY);
    assertThat(
            req("create armenia-csto-2024 manual", LOBBY)
                .getCreateSession()
                .getDeadline()
                .getGameMasterAdvanced())
        .isTrue();
    assertThat(req("spectate ABCDEF", LOBBY).getSpectate().getDisplayName()).isEqualTo("Spectator");
    assertThat(err("join ABC-DEF Ani", LOBBY))
        .isEqualTo("join needs a code, your name and a country. Usage: join CODE NAME COUNTRY");
    assertThat(err("create armenia-csto-2024 5s", LOBBY))
        .startsWith("'5s' is outside 10 s .. 24 h.");
    assertThat(err("create armenia-csto-2024 soon", LOBBY))
        .startsWith("'soon' is not a duration (write e.g. 90s, 10m or 1h, or manual).");
  }

  @Test
  void gameMasterCommands() {
    assertThat(req("start", GM).hasStartGame()).isTrue();
    assertThat(req("extend 2m", GM).getExtendDeadline().getSeconds()).isEqualTo(120);
    assertThat(req("force", GM).getForceResolution().getTurn()).isEqualTo(3);
    ClientMessage move = req("move Ani AZE", GM);
    assertThat(move.getMoveSeat().getSeatId()).isEqualTo(7);
    assertThat(move.getMoveSeat().getCountry()).isEqualTo("AZE");
    assertThat(req("kick 7", GM).getRemoveSeat().getSeatId()).isEqualTo(7);
    assertThat(err("kick Bob", GM)).startsWith("no seat is numbered or named 'Bob' (type 'who').");
    ClientMessage mute = req("mute Ani", GM);
    assertThat(mute.getMuteSeat().getSeatId()).isEqualTo(7);
    assertThat(mute.getMuteSeat().getMuted()).isTrue();
    assertThat(req("mute 7 OFF", GM).getMuteSeat().getMuted()).isFalse();
    assertThat(err("mute Ani later", GM))
        .startsWith("'later' is not 'off'; 'mute Ani off' lets them send messages again.");
    assertThat(err("mute", GM))
        .startsWith("mute needs a seat number or name, then optionally 'off'");
    assertThat(err("mute Bob", GM)).startsWith("no seat is numbered or named 'Bob' (type 'who').");
    ClientMessage inject =
        req(
            "inject \"Border clash\" \"Shots near Tegh.\" sec(ARM)-5 \"trust(RUS, self)+10\" --actor arm",
            GM);
    assertThat(inject.getInjectEvent().getTitle()).isEqualTo("Border clash");
    assertThat(inject.getInjectEvent().getText()).isEqualTo("Shots near Tegh.");
    assertThat(inject.getInjectEvent().getEffectsList())
        .extracting(e -> e.getTarget() + " " + e.getDelta())
        .containsExactly("sec(ARM) -5", "trust(RUS,self) 10");
    assertThat(inject.getInjectEvent().getActor()).isEqualTo("ARM");
    assertThat(err("inject T X sec(ARM)", GM)).startsWith("'sec(ARM)' is not an effect;");
  }

  @Test
  void theGameMasterHandsCountriesToBotsAndTakesThemBack() {
    assertThat(req("bot aze", GM).getAssignBot().getCountry()).isEqualTo("AZE");
    assertThat(req("bot AZE on", GM).getAssignBot().getCountry()).isEqualTo("AZE");
    assertThat(req("bot AZE off", GM).getReleaseBot().getCountry()).isEqualTo("AZE");
    assertThat(err("bot AZE maybe", GM))
        .isEqualTo("'maybe' is neither 'on' nor 'off'. Usage: bot COUNTRY [off]");
    assertThat(err("bot AZE", PLAYER)).isEqualTo("'bot' is for the game master.");
  }

  @Test
  void commandsOutsideTheirRoleSayWhy() {
    assertThat(err("start", PLAYER)).isEqualTo("'start' is for the game master.");
    assertThat(err("ready", GM)).isEqualTo("'ready' is for players.");
    assertThat(err("remove 1", GM))
        .isEqualTo("'remove' takes back a player's order; to remove a seat, type 'kick SEAT'.");
    assertThat(err("orders", LOBBY))
        .isEqualTo("'orders' works once you are in a session: join, spectate, create or gm first.");
    assertThat(err("join ABC-DEF Ani ARM", PLAYER))
        .isEqualTo("'join' works only in the lobby; you are already in a session.");
    assertThat(err("GIVE_NOTICE CSTO", GM)).startsWith("Unknown command 'GIVE_NOTICE'.");
  }

  @Test
  void theHotSeatHasItsOwnCommandsAndOnlyThere() {
    assertThat(CommandParser.parse("as AZE", HOT_SEAT).isRequest()).isFalse();
    assertThat(CommandParser.parse("as AZE", HOT_SEAT).args()).containsExactly("AZE");
    assertThat(CommandParser.parse("bot FRA", HOT_SEAT).isRequest()).isFalse();
    assertThat(CommandParser.parse("debrief out", HOT_SEAT).command()).isEqualTo("debrief");
    assertThat(req("ready", HOT_SEAT).getSetReady().getReady()).isTrue();
    assertThat(req("GIVE_NOTICE CSTO", HOT_SEAT).getEditDraft().getAdd().getText())
        .isEqualTo("GIVE_NOTICE CSTO");
    assertThat(err("as", HOT_SEAT)).isEqualTo("as needs a country, e.g. as AZE. Usage: as COUNTRY");
    assertThat(err("as AZE", PLAYER))
        .isEqualTo("'as' works only in the hot seat: entente play --hot-seat.");
    assertThat(err("debrief", PLAYER))
        .isEqualTo(
            "'debrief' works only in a game of entente play; in a class the game master writes"
                + " the debrief with entente debrief.");
    assertThat(err("leave", HOT_SEAT)).startsWith("'leave' is not part of the hot seat");
    assertThat(err("az AZE", HOT_SEAT))
        .isEqualTo("Unknown command 'az'. Did you mean 'as'? Type 'help' for the commands.");
  }

  @Test
  void typosGetASuggestion() {
    assertThat(err("staus", PLAYER))
        .isEqualTo("Unknown command 'staus'. Did you mean 'status'? Type 'help' for the commands.");
    assertThat(err("GIVE_NOTIC CSTO", PLAYER))
        .isEqualTo(
            "Unknown command 'GIVE_NOTIC'. Did you mean the order GIVE_NOTICE? Type 'help' for the commands.");
    assertThat(err("tell RUS \"unclosed", PLAYER))
        .isEqualTo("the quote at column 10 is not closed.");
  }

  @Test
  void blankLinesAndCommentsDoNothing() {
    assertThat(CommandParser.parse("   ", PLAYER).isEmpty()).isTrue();
    assertThat(CommandParser.parse("# prepare the session", GM).isEmpty()).isTrue();
  }

  @Test
  void waitForms() throws Exception {
    assertThat(WaitFor.parse(List.of("turn", "2")).number()).isEqualTo(2);
    assertThat(WaitFor.parse(List.of("phase", "ended", "30s")).timeout().getSeconds())
        .isEqualTo(30);
    assertThat(err("wait forever", PLAYER)).startsWith("'forever' is not something to wait for");
    assertThat(err("wait phase LATER", PLAYER)).startsWith("'LATER' is not a phase");
  }

  @Test
  void serverAddresses() {
    assertThat(ServerAddress.parse("LocalHost:7000"))
        .isEqualTo(new ServerAddress("localhost", 7000));
    assertThat(ServerAddress.parse("10.0.0.5").port()).isEqualTo(7777);
    assertThat(ServerAddress.parse("[::1]:9000")).isEqualTo(new ServerAddress("::1", 9000));
    assertThatThrownBy(() -> ServerAddress.parse("host:70000"))
        .hasMessage("port 70000 is out of range (1..65535)");
    assertThatThrownBy(() -> ServerAddress.parse("host:abc"))
        .hasMessage("'abc' is not a port number (1..65535)");
    assertThatThrownBy(() -> ServerAddress.parse(""))
        .hasMessageStartingWith("the server address is empty");
  }

  @Test
  void clearClearsTheScreenAndOnlyRemoveAllTakesBackEveryOrder() {
    for (Fixed who : List.of(PLAYER, GM, LOBBY)) {
      Parsed clear = CommandParser.parse("clear", who);
      assertThat(clear.isRequest()).as("clear sends nothing").isFalse();
      assertThat(clear.command()).isEqualTo("clear");
    }
    Parsed all = CommandParser.parse("remove all", PLAYER);
    assertThat(all.isRequest()).as("remove all names the orders first").isFalse();
    assertThat(all.command()).isEqualTo("remove");
    assertThat(CommandParser.parse("remove ALL yes", PLAYER).args()).containsExactly("ALL", "yes");
    assertThat(err("remove all now", PLAYER)).startsWith("'remove all' takes only 'yes' after it");
    assertThat(err("remove 1 2", PLAYER)).startsWith("too many words after 'remove'");
  }

  @Test
  void aPlayersOrderKindWinsOverAGameMasterCommandOfTheSameWord() {
    assertThat(req("RESUME CSTO", PLAYER).getEditDraft().getAdd().getText())
        .isEqualTo("RESUME CSTO");
    assertThat(req("resume CSTO", PLAYER).getEditDraft().getAdd().getText())
        .isEqualTo("resume CSTO");
    assertThat(req("resume", GM).hasResumeGame()).isTrue();
    // A command the player may type is still the command.
    assertThat(CommandParser.parse("status", PLAYER).command()).isEqualTo("status");
  }

  @Test
  void moveAndKickByAnAmbiguousNameListTheSeats() {
    String expected = "'Sam' names 2 seats: 9 Sam, ARM; 12 Sam, AZE. Type the seat number.";
    assertThat(err("kick Sam", GM)).startsWith(expected);
    assertThat(err("move Sam RUS", GM)).startsWith(expected);
    assertThat(req("kick 9", GM).getRemoveSeat().getSeatId()).isEqualTo(9);
    assertThat(req("move ani AZE", GM).getMoveSeat().getSeatId()).isEqualTo(7);
  }
}
