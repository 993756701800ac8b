package org.entente.scenarios;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.TextFormat;
import com.google.protobuf.TextFormatParseInfoTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.engine.expr.Suggest;
import org.entente.engine.model.Scenario;
import org.entente.scenarios.SourceText.Pos;

/**
 * Loads a scenario file: parses the protobuf text format, validates it, and maps it to the
 * engine model.
 *
 * <p>Guarantees: {@code load} never throws, whatever the input; every problem of the file is
 * reported in one run (a syntax error stops at the first one, since nothing after it can be
 * trusted; unknown field names are all reported and then skipped so validation still runs);
 * every problem has a 1-based line and column inside the file (or the line after the last).
 */
public final class ScenarioLoader {
  private static final Pattern UNKNOWN_FIELD = Pattern.compile("(\\d+):(\\d+):\\t(\\S+)");
  private static final Pattern NO_FIELD =
      Pattern.compile("Message type \"([\\w.]+)\" has no field named \"(\\w+)\"");
  private static final Pattern NO_ENUM =
      Pattern.compile("Enum type \"([\\w.]+)\" has no value named \"([^\"]*)\"");

  /**
   * Protobuf logs a warning for every unknown field it skips when asked to; we report those
   * fields as problems instead, so the log line is noise. Held here so the setting sticks.
   */
  private static final java.util.logging.Logger TEXT_FORMAT_LOG = quiet();

  private static java.util.logging.Logger quiet() {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger(TextFormat.class.getName());
    log.setLevel(java.util.logging.Level.SEVERE);
    return log;
  }

  private ScenarioLoader() {}

  /** Loads a file from disk; an unreadable file is a problem with code {@code io}. */
  public static LoadResult load(Path path) {
    String name = String.valueOf(path);
    try {
      return load(name, Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return new LoadResult(
          Optional.empty(),
          Optional.empty(),
          List.of(
              new Problem(
                  name, 1, 1, Severity.ERROR, "io", "cannot read the file: " + e.getMessage())));
    }
  }

  /**
   * Loads scenario {@code text}; {@code fileName} is only used in problem positions.
   *
   * @return the problems, the parsed file when it parsed, the scenario when there were no errors
   */
  public static LoadResult load(String fileName, String text) {
    String file = fileName == null ? "<scenario>" : fileName;
    Problems problems = new Problems(file);
    Optional<org.entente.proto.scenario.v1.Scenario> proto = Optional.empty();
    Optional<Scenario> scenario = Optional.empty();
    try {
      SourceText source = new SourceText(text == null ? "" : text);
      Optional<Parsed> parsed = parse(text == null ? "" : text, source, problems);
      proto = parsed.map(Parsed::file);
      if (parsed.isPresent()) {
        Locator locator = new Locator(source);
        ValidationContext ctx = new ValidationContext(locator, problems);
        ScenarioValidator.validate(
            proto.get(),
            ctx,
            locator.root(
                org.entente.proto.scenario.v1.Scenario.getDescriptor(), parsed.get().tree()));
        if (!problems.hasErrors()) {
          scenario = Optional.of(ScenarioMapper.toEngine(proto.get()));
        }
      }
    } catch (RuntimeException | StackOverflowError e) {
      problems.error(
          Pos.START,
          "internal",
          "the loader failed on this file ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "); please report it");
      scenario = Optional.empty();
    }
    return new LoadResult(scenario, proto, problems.sorted());
  }

  /** A parsed file and where each of its fields is written. */
  private record Parsed(
      org.entente.proto.scenario.v1.Scenario file, TextFormatParseInfoTree tree) {}

  /**
   * Parses; on unknown field names, reports each of them and parses again skipping them. Returns
   * empty after a syntax error (reported).
   */
  private static Optional<Parsed> parse(String text, SourceText source, Problems problems) {
    for (boolean allowUnknown : new boolean[] {false, true}) {
      var builder = org.entente.proto.scenario.v1.Scenario.newBuilder();
      TextFormatParseInfoTree.Builder tree = TextFormatParseInfoTree.builder();
      try {
        TextFormat.Parser.newBuilder()
            .setAllowUnknownFields(allowUnknown)
            .setParseInfoTreeBuilder(tree)
            .build()
            .merge(text, builder);
        return Optional.of(new Parsed(builder.build(), tree.build()));
      } catch (TextFormat.ParseException e) {
        if (allowUnknown || !reportUnknownFields(e, source, problems)) {
          Optional<Unclosed> unclosed = unclosed(text);
          if (unclosed.isPresent() && String.valueOf(e.getMessage()).contains("Expected \"}\"")) {
            Unclosed u = unclosed.get();
            problems.error(
                clamp(u.line(), u.column(), source),
                "syntax",
                "'"
                    + u.name()
                    + "' opened at "
                    + u.line()
                    + ":"
                    + u.column()
                    + " is never closed: add its '}'");
          } else {
            problems.error(clamp(e.getLine(), e.getColumn(), source), codeOf(e), describe(e));
          }
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** A block still open at the end of the text: its field name and where its name starts (1-based). */
  record Unclosed(String name, int line, int column) {}

  /**
   * The innermost block opened and never closed, reading the text as the text format does
   * (strings and # comments skipped): protobuf reports a missing '}' at the end of the file,
   * where the author cannot see which block it belongs to.
   */
  static Optional<Unclosed> unclosed(String text) {
    java.util.Deque<Unclosed> open = new java.util.ArrayDeque<>();
    int line = 1;
    int col = 1;
    String lastWord = "";
    int wordLine = 0;
    int wordCol = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '#') {
        while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
          i++;
        }
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < text.length() && text.charAt(j) != c && text.charAt(j) != '\n') {
          j += text.charAt(j) == '\\' ? 2 : 1;
        }
        col += Math.min(j, text.length() - 1) - i;
        i = Math.min(j, text.length() - 1);
        lastWord = "";
      } else if (Character.isLetterOrDigit(c) || c == '_') {
        if (i == 0
            || !(Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '_')) {
          lastWord = "";
          wordLine = line;
          wordCol = col;
        }
        lastWord += c;
      } else if (c == '{' || c == '<') {
        open.push(
            new Unclosed(
                lastWord.isEmpty() ? "{" : lastWord,
                lastWord.isEmpty() ? line : wordLine,
                lastWord.isEmpty() ? col : wordCol));
        lastWord = "";
      } else if (c == '}' || c == '>') {
        if (!open.isEmpty()) {
          open.pop();
        }
        lastWord = "";
      } else if (c == ':' || c == ',' || c == ';' || c == '[' || c == ']') {
        lastWord = "";
      }
      if (c == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return Optional.ofNullable(open.peek());
  }

  /** Protobuf lists unknown fields as {@code L:C:\tfull.name} lines; one problem each. */
  private static boolean reportUnknownFields(
      TextFormat.ParseException e, SourceText source, Problems problems) {
    String message = String.valueOf(e.getMessage());
    if (!message.contains("unknown fields")) {
      return false;
    }
    Matcher m = UNKNOWN_FIELD.matcher(message);
    boolean any = false;
    while (m.find()) {
      any = true;
      String fullName = m.group(3);
      int dot = fullName.lastIndexOf('.');
      String type = dot < 0 ? "" : fullName.substring(0, dot);
      String field = fullName.substring(dot + 1);
      problems.error(
          clamp(parse(m.group(1)), parse(m.group(2)), source),
          "unknown-field",
          unknownField(type, field));
    }
    return any;
  }

  private static String unknownField(String fullType, String field) {
    Descriptor type = findType(fullType);
    String where = words(fullType);
    String hint = "";
    if (type != null) {
      List<String> names = new ArrayList<>();
      type.getFields().forEach(f -> names.add(f.getName()));
      hint = Suggest.didYouMean(field, names);
      if (hint.isEmpty()) {
        hint = "; its fields are " + String.join(", ", names);
      }
    }
    return "'" + field + "' is not a field of " + where + hint;
  }

  /**
   * A message or enum type in the author's words, without the package: {@code
   * entente.scenario.v1.OrderRule} is "an order rule", {@code TurnLength} "a turn length".
   */
  static String words(String fullType) {
    String simple = fullType.substring(fullType.lastIndexOf('.') + 1);
    String spaced =
        simple.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(java.util.Locale.ROOT);
    if (spaced.equals("metadata") || spaced.equals("scenario")) {
      return "the " + spaced;
    }
    return ("aeiou".indexOf(spaced.charAt(0)) >= 0 ? "an " : "a ") + spaced;
  }

  private static Descriptor findType(String fullName) {
    return org.entente.proto.scenario.v1.Scenario.getDescriptor()
        .getFile()
        .findMessageTypeByName(fullName.substring(fullName.lastIndexOf('.') + 1));
  }

  private static String codeOf(TextFormat.ParseException e) {
    return String.valueOf(e.getMessage()).contains("has no field named")
        ? "unknown-field"
        : "syntax";
  }

  /** Protobuf's message without its own {@code L:C:} prefix, plus a suggestion if we have one. */
  private static String describe(TextFormat.ParseException e) {
    String message = String.valueOf(e.getMessage()).replaceFirst("^-?\\d+:-?\\d+: ", "");
    Matcher field = NO_FIELD.matcher(message);
    if (field.find()) {
      return unknownField(field.group(1), field.group(2));
    }
    Matcher value = NO_ENUM.matcher(message);
    if (value.find()) {
      String name = value.group(1);
      message =
          (value.group(2).isEmpty() ? "An empty value" : "'" + value.group(2) + "'")
              + " is not "
              + words(name);
      EnumDescriptor en = findEnum(name.substring(name.lastIndexOf('.') + 1));
      if (en != null) {
        List<String> names = new ArrayList<>();
        en.getValues().stream()
            .filter(v -> v.getNumber() != 0)
            .forEach(v -> names.add(v.getName()));
        String hint = Suggest.didYouMean(value.group(2), names);
        message += hint.isEmpty() ? "; choose one of " + String.join(", ", names) : hint;
      }
      return message;
    }
    // Protobuf's own sentence otherwise (e.g. "Expected identifier."), never a type name.
    Matcher type =
        Pattern.compile("(Enum|Message) type \"?entente\\.scenario\\.v1\\.(\\w+)\"?")
            .matcher(message);
    StringBuilder out = new StringBuilder();
    while (type.find()) {
      String w = words(type.group(2));
      type.appendReplacement(
          out, Matcher.quoteReplacement(Character.toUpperCase(w.charAt(0)) + w.substring(1)));
    }
    type.appendTail(out);
    return out.toString().replace("\".;", "\";").replace(".;", ";");
  }

  private static EnumDescriptor findEnum(String simpleName) {
    var fileDescriptor = org.entente.proto.scenario.v1.Scenario.getDescriptor().getFile();
    EnumDescriptor top = fileDescriptor.findEnumTypeByName(simpleName);
    if (top != null) {
      return top;
    }
    for (Descriptor d : fileDescriptor.getMessageTypes()) {
      for (EnumDescriptor nested : d.getEnumTypes()) {
        if (nested.getName().equals(simpleName)) {
          return nested;
        }
      }
    }
    return null;
  }

  private static int parse(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /** A 1-based position from protobuf's 1-based exception position, kept inside the file. */
  private static Pos clamp(int line, int column, SourceText source) {
    int l = Math.max(1, Math.min(line, source.lineCount()));
    return new Pos(l, Math.max(1, column));
  }
}
