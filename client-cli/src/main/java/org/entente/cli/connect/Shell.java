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
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp;
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
  private final LocalDebrief localDebrief;
  private final boolean colour;
  private final Path historyFile;
  private ShellReader reader;
  private Console console;
  private Status status;

  /** Guarded by the reader's drawing lock, like everything else drawn. */
  private String shownPrompt = "";

  /** Set by the shutdown hook: the status ticker must not draw the line back after it is erased. */
  private volatile boolean closing;

  /**
   * The terminal's height when the status line was last drawn: on SIGTERM JLine's own hook may
   * close the terminal first, after which it no longer knows its size.
   */
  private volatile int rows = 24;

  Shell(Terminal terminal, ClientSession session, boolean colour, Path historyFile) {
    this(terminal, session, null, null, colour, historyFile);
  }

  /**
   * A shell for one class seat, for the seat of {@code play} ({@code localDebrief} not null), or
   * for the hot seat's seats ({@code hotSeat} not null too; it starts at {@code session}).
   */
  Shell(
      Terminal terminal,
      ClientSession session,
      HotSeat hotSeat,
      LocalDebrief localDebrief,
      boolean colour,
      Path historyFile) {
    this.terminal = terminal;
    this.session = session;
    this.hotSeat = hotSeat;
    this.localDebrief = localDebrief;
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
    try {
      reader = new ShellReader(terminal);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    reader.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
    reader.option(LineReader.Option.HISTORY_IGNORE_SPACE, true);
    // A token typed after 'gm' is a secret: it stays out of the history file.
    reader.setVariable(LineReader.HISTORY_IGNORE, HISTORY_IGNORE);
    if (historyFile != null) {
      reader.setVariable(LineReader.HISTORY_FILE, historyFile);
    }
    Output out =
        new Output(false) {
          @Override
          int width() {
            int w = terminal.getColumns();
            return w <= 0 ? 80 : w;
          }

          @Override
          void print(List<AttributedString> lines) {
            // One block under the lock: a burst of events cannot interleave with the status line or
            // a redisplay.
            reader.draw(
                () -> {
                  for (AttributedString l : lines) {
                    if (colour) {
                      reader.printAbove(l);
                    } else {
                      reader.printAbove(l.toString());
                    }
                  }
                });
          }

          @Override
          void printJson(String json) {
            reader.draw(() -> reader.printAbove(json));
          }

          @Override
          void clearScreen() {
            reader.draw(
                () -> {
                  reader.clearScreen();
                  drawStatus();
                });
          }
        };
    // The status line reserves the bottom row before anything is printed, so no line is lost to it.
    status = Status.getStatus(terminal);
    updateStatus();
    console = new Console(session, out, hotSeat, localDebrief);
    console.secretPrompt(
        question -> {
          try {
            // Masked: echoed as '*' and, with a mask, never added to the history.
            return Optional.ofNullable(reader.readLine(question, '*'));
          } catch (UserInterruptException | EndOfFileException e) {
            return Optional.empty();
          }
        });
    reader.setCompleter(new ShellCompleter(console));
    // The console attaches it to every seat it speaks for, and calls it when it changes seat.
    console.addListener(
        new ClientSession.Listener() {
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
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            new DefaultThreadFactory("entente-status", true));
    ticker.scheduleAtFixedRate(this::updateStatus, 0, 1, TimeUnit.SECONDS);
    // SIGTERM runs shutdown hooks, not this method's finally: give the terminal its whole screen
    // back there too.
    Thread restore = new Thread(this::restoreTerminalOnSignal, "entente-restore-terminal");
    Runtime.getRuntime().addShutdownHook(restore);
    try {
      while (true) {
        String line;
        try {
          String p = prompt();
          reader.draw(() -> shownPrompt = p);
          line = reader.readLine(p);
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          return 0;
        }
        if (console.run(line) == Console.Result.QUIT) {
          return 0;
        }
        if (console.session().isGone()) {
          reader.draw(() -> reader.printAbove("This seat is closed; quitting."));
          return 0;
        }
      }
    } finally {
      ticker.shutdownNow();
      restoreTerminal();
      try {
        Runtime.getRuntime().removeShutdownHook(restore);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook runs (or ran) restoreTerminal itself.
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
    return seat()
        .view()
        .map(
            v ->
                (v.getViewerCountry().isEmpty()
                        ? Renderers.role(v.getViewerRole()).replace("game master", "gm")
                        : org.entente.cli.Safe.line(v.getViewerCountry()))
                    + " T"
                    + v.getTurn()
                    + "> ")
        .orElse("lobby> ");
  }

  /** A new turn or seat changes the prompt: redraw it under what the user is typing. */
  private void updatePrompt() {
    String p = prompt();
    reader.draw(
        () -> {
          if (reader.isReading() && !p.equals(shownPrompt)) {
            shownPrompt = p;
            try {
              reader.setPrompt(p);
              reader.callWidget(LineReader.REDRAW_LINE);
              reader.callWidget(LineReader.REDISPLAY);
            } catch (IllegalStateException e) {
              // readLine returned meanwhile; the next prompt is computed afresh.
            }
          }
        });
  }

  private void updateStatus() {
    if (reader == null) {
      return;
    }
    reader.draw(this::drawStatus);
  }

  /** Removes the status line and its scroll region (once: a later call finds no status). */
  private void restoreTerminal() {
    reader.drawIfFree(
        () -> {
          if (status != null) {
            try {
              status.update(List.of());
              status.close();
              terminal.writer().println();
              terminal.flush();
            } catch (RuntimeException e) {
              // The terminal closed first (its own shutdown hook): nothing is left to restore.
            }
            status = null;
          }
        },
        1000);
  }

  /**
   * The shutdown hook's restore. The JVM starts every hook at once, JLine's own (which closes the
   * terminal's writer) among them, so this writes straight to the process's output: reset the
   * scroll region, erase the status row, and leave the cursor on a fresh line.
   */
  private void restoreTerminalOnSignal() {
    closing = true;
    // Let a draw under way finish first (the ticker's, or an event's).
    reader.drawIfFree(() -> {}, 500);
    try {
      StringBuilder b = new StringBuilder();
      org.jline.utils.Curses.tputs(b, terminal.getStringCapability(InfoCmp.Capability.save_cursor));
      org.jline.utils.Curses.tputs(
          b, terminal.getStringCapability(InfoCmp.Capability.change_scroll_region), 0, rows - 1);
      org.jline.utils.Curses.tputs(
          b, terminal.getStringCapability(InfoCmp.Capability.cursor_address), rows - 1, 0);
      org.jline.utils.Curses.tputs(b, terminal.getStringCapability(InfoCmp.Capability.clr_eol));
      org.jline.utils.Curses.tputs(
          b, terminal.getStringCapability(InfoCmp.Capability.restore_cursor));
      b.append("\r\n");
      java.io.FileOutputStream fd = new java.io.FileOutputStream(java.io.FileDescriptor.out);
      byte[] reset = b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      fd.write(reset);
      fd.flush();
      // JLine's own hook runs at the same moment and may draw the status row once more as it
      // closes the terminal: erase it again once that is done.
      Thread.sleep(150);
      fd.write(reset);
      fd.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      // Nothing more can be done for a terminal on the way out.
    }
  }

  /** Called under the drawing lock. */
  private void drawStatus() {
    if (status == null || closing) {
      return;
    }
    if (terminal.getRows() > 0) {
      rows = terminal.getRows();
    }
    int width = terminal.getColumns() <= 0 ? 80 : terminal.getColumns();
    ClientSession session = seat();
    if (session.isGone()) {
      status.update(
          List.of(
              new AttributedString(
                  "this seat is closed here; press Enter to quit, then connect again to come back")));
      return;
    }
    AttributedString line =
        session
            .view()
            .map(
                (SessionView v) ->
                    Renderers.statusLine(
                        v,
                        session.briefing(),
                        System.currentTimeMillis(),
                        session.isConnected(),
                        width))
            .orElse(
                new AttributedString(
                    session.isConnected()
                        ? "lobby · "
                            + session.address().display()
                            + " · join, create, gm or spectate"
                        : "reconnecting to " + session.address() + "..."));
    status.update(List.of(colour ? line : new AttributedString(line.toString())));
  }
}
