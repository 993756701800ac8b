package org.entente.cli.connect;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import java.io.PrintStream;
import java.util.List;
import java.util.function.IntSupplier;
import org.jline.utils.AttributedString;

/**
 * Where the shell's text goes: lines with styles (shown in colour or not), or, in JSON mode, one
 * JSON object per line. Thread-safe: events arrive on another thread than commands.
 */
abstract class Output {
  private final boolean jsonMode;

  Output(boolean jsonMode) {
    this.jsonMode = jsonMode;
  }

  boolean json() {
    return jsonMode;
  }

  abstract int width();

  /** Prints lines (above the prompt when a prompt is showing). */
  abstract void print(List<AttributedString> lines);

  final void print(AttributedString line) {
    print(List.of(line));
  }

  /** Prints one JSON object on its own line. */
  abstract void printJson(String json);

  /** Clears the screen ('clear'); output that is not a screen has nothing to clear. */
  void clearScreen() {}

  /** Plain lines to stdout/stderr: for scripts, pipes and --json. */
  static Output plain(PrintStream out, boolean colour, boolean json, IntSupplier width) {
    return new Output(json) {
      @Override
      int width() {
        return width.getAsInt();
      }

      @Override
      synchronized void print(List<AttributedString> lines) {
        for (AttributedString l : lines) {
          out.println(colour ? l.toAnsi() : l.toString());
        }
        out.flush();
      }

      @Override
      synchronized void printJson(String json) {
        out.println(json);
        out.flush();
      }
    };
  }

  // ---------------------------------------------------------------------------------------------
  // JSON helpers: everything goes through protobuf's Struct so that escaping is always right.

  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().omittingInsignificantWhitespace();

  static Value string(String s) {
    return Value.newBuilder().setStringValue(s).build();
  }

  static Value bool(boolean b) {
    return Value.newBuilder().setBoolValue(b).build();
  }

  static Value number(double d) {
    return Value.newBuilder().setNumberValue(d).build();
  }

  static Value lines(List<AttributedString> lines) {
    ListValue.Builder l = ListValue.newBuilder();
    lines.forEach(a -> l.addValues(string(a.toString())));
    return Value.newBuilder().setListValue(l).build();
  }

  /** A protobuf message as a JSON value (field names as in the .proto file). */
  static Value message(Message m) {
    try {
      Struct.Builder s = Struct.newBuilder();
      JsonFormat.parser().merge(JsonFormat.printer().preservingProtoFieldNames().print(m), s);
      return Value.newBuilder().setStructValue(s).build();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  static String json(Struct s) {
    try {
      return PRINTER.print(s);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }
}
