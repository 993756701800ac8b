package org.entente.cli;

import java.util.Locale;

/** A minimal JSON writer for the command line's {@code --json} outputs: objects, arrays, escaping. */
final class Json {
  private final StringBuilder b = new StringBuilder();
  private boolean needComma;

  Json beginObject() {
    comma();
    b.append('{');
    needComma = false;
    return this;
  }

  Json endObject() {
    b.append('}');
    needComma = true;
    return this;
  }

  Json beginArray() {
    comma();
    b.append('[');
    needComma = false;
    return this;
  }

  Json endArray() {
    b.append(']');
    needComma = true;
    return this;
  }

  /** A member name inside an object; the value follows. */
  Json name(String name) {
    comma();
    b.append(quote(name)).append(':');
    needComma = false;
    return this;
  }

  Json value(String s) {
    comma();
    b.append(quote(s));
    needComma = true;
    return this;
  }

  Json value(long n) {
    comma();
    b.append(n);
    needComma = true;
    return this;
  }

  /** A number with at most 3 decimals (NaN and infinities, which JSON lacks, as null). */
  Json value(double d) {
    comma();
    b.append(
        Double.isFinite(d)
            ? String.format(Locale.ROOT, "%.3f", d).replaceAll("\\.?0+$", "")
            : "null");
    needComma = true;
    return this;
  }

  Json value(boolean v) {
    comma();
    b.append(v);
    needComma = true;
    return this;
  }

  private void comma() {
    if (needComma) {
      b.append(',');
      needComma = false;
    }
  }

  static String quote(String s) {
    StringBuilder q = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          q.append("\\\"");
          break;
        case '\\':
          q.append("\\\\");
          break;
        case '\n':
          q.append("\\n");
          break;
        case '\r':
          q.append("\\r");
          break;
        case '\t':
          q.append("\\t");
          break;
        default:
          if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029') {
            q.append(String.format("\\u%04x", (int) c));
          } else {
            q.append(c);
          }
      }
    }
    return q.append('"').toString();
  }

  @Override
  public String toString() {
    return b.toString();
  }
}
