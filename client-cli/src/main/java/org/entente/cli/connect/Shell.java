package org.entente.cli.connect;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.entente.client.ClientSession;
import org.entente.proto.protocol.v1.SessionView;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Status;

/**
 * The interactive shell: a JLine line reader with history and completion; events are printed
 * above the prompt without disturbing what is being typed, and a status line at the bottom shows
 * the turn, the countdown and who is ready, refreshed every second.
 */
final class Shell {
  /** Lines the history never keeps (JLine patterns, ':' between them): 'gm CODE TOKEN' in any case. */
  static final String HISTORY_IGNORE = "gm *:GM *:Gm *:gM *";

  private final Terminal terminal;
  private final ClientSession session;
  private final HotSeat hotSeat;
  private final boolean colour;
  private final Path historyFile;
  private LineReader reader;
  private Console console;
  private Status status;
  private String shownPrompt = "";

  Shell(Terminal terminal, ClientSession session, boolean colour, Path historyFile) {
    this(terminal, session, null, colour, historyFile);
  }

  /** A shell for one class seat, or for the hot seat's seats ({@code hotSeat} not null; it starts at {@code session}). */
  Shell(Terminal terminal, ClientSession session, HotSeat hotSeat, boolean colour, Path historyFile) {
    this.terminal = terminal;
    this.session = session;
    this.hotSeat = hotSeat;
    this.colour = colour;
    this.historyFile = historyFile;
  }

  /** The console, for running the command-line's first action before the loop. */
  Console console() {
    if (console == null) {
      build();
    }
    return console;
  }

  private void build() {
    LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("entente")
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
        // A token typed after 'gm' is a secret: it stays out of the history file.
        .variable(LineReader.HISTORY_IGNORE, HISTORY_IGNORE);
    if (historyFile != null) {
      b.variable(LineReader.HISTORY_FILE, historyFile);
    }
    reader = b.build();
    Output out = new Output(false) {
      @Override
      int width() {
        int w = terminal.getColumns();
        return w <= 0 ? 80 : w;
      }

      @Override
      void print(List<AttributedString> lines) {
        for (AttributedString l : lines) {
          if (colour) {
            reader.printAbove(l);
          } else {
            reader.printAbove(l.toString());
          }
        }
      }

      @Override
      void printJson(String json) {
        reader.printAbove(json);
      }
    };
    // The status line reserves the bottom row before anything is printed, so no line is lost to it.
    status = Status.getStatus(terminal);
    updateStatus();
    console = new Console(session, out, hotSeat);
    console.secretPrompt(question -> {
      try {
        // Masked: echoed as '*' and, with a mask, never added to the history.
        return Optional.ofNullable(reader.readLine(question, '*'));
      } catch (UserInterruptException | EndOfFileException e) {
        return Optional.empty();
      }
    });
    ((org.jline.reader.impl.LineReaderImpl) reader).setCompleter(new ShellCompleter(console));
    // The console attaches it to every seat it speaks for, and calls it when it changes seat.
    console.addListener(new ClientSession.Listener() {
      @Override
      public void viewChanged() {
        updateStatus();
        updatePrompt();
      }
    });
  }

  /** Runs until quit, Ctrl-D or leave; returns the exit code (0). */
  int loop() {
    console();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("entente-status", true));
    ticker.scheduleAtFixedRate(this::updateStatus, 0, 1, TimeUnit.SECONDS);
    try {
      while (true) {
        String line;
        try {
          synchronized (this) {
            shownPrompt = prompt();
          }
          line = reader.readLine(shownPrompt);
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          return 0;
        }
        if (console.run(line) == Console.Result.QUIT) {
          return 0;
        }
        if (console.session().isGone()) {
          reader.printAbove("This seat is closed; quitting.");
          return 0;
        }
      }
    } finally {
      ticker.shutdownNow();
      if (status != null) {
        status.update(List.of());
      }
      try {
        reader.getHistory().save();
      } catch (IOException e) {
        // History is a convenience; a read-only home directory must not stop anyone.
      }
    }
  }

  /** The seat spoken for: the only one, or the hot seat's current one. */
  private ClientSession seat() {
    return console == null ? session : console.session();
  }

  private String prompt() {
    return seat().view().map(v -> (v.getViewerCountry().isEmpty() ? Renderers.role(v.getViewerRole()).replace("game master", "gm")
        : org.entente.cli.Safe.line(v.getViewerCountry())) + " T" + v.getTurn() + "> ").orElse("lobby> ");
  }

  /** A new turn or seat changes the prompt: redraw it under what the user is typing. */
  private synchronized void updatePrompt() {
    String p = prompt();
    if (reader.isReading() && !p.equals(shownPrompt)) {
      shownPrompt = p;
      try {
        ((org.jline.reader.impl.LineReaderImpl) reader).setPrompt(p);
        reader.callWidget(LineReader.REDRAW_LINE);
        reader.callWidget(LineReader.REDISPLAY);
      } catch (IllegalStateException e) {
        // readLine returned meanwhile; the next prompt is computed afresh.
      }
    }
  }

  private synchronized void updateStatus() {
    if (status == null) {
      return;
    }
    int width = terminal.getColumns() <= 0 ? 80 : terminal.getColumns();
    ClientSession session = seat();
    if (session.isGone()) {
      status.update(List.of(new AttributedString("this seat is closed here; press Enter to quit, then connect again to come back")));
      return;
    }
    AttributedString line = session.view()
        .map((SessionView v) -> Renderers.statusLine(v, System.currentTimeMillis(), session.isConnected(), width))
        .orElse(new AttributedString(session.isConnected() ? "lobby · " + session.address().display() + " · join, create, gm or spectate"
            : "reconnecting to " + session.address() + "..."));
    status.update(List.of(colour ? line : new AttributedString(line.toString())));
  }
}
