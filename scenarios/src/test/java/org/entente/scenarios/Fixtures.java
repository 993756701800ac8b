package org.entente.scenarios;

/** Small inline scenario texts for tests. */
final class Fixtures {
  private Fixtures() {}

  /** A minimal valid scenario, one field per line so tests can point at lines. */
  static final String BASE =
      """
      format_version: 1
      metadata {
        id: "tiny"
        title: "Tiny"
        start_date: "2024-06-13"
        turn_length: MONTH
        default_turns: 6
        sources { key: "SRC" citation: "A source." }
      }
      actors {
        id: "ARM"
        name: "Armenia"
        playable: true
        start { sec: 35 dom: 40 std: 60 rf: 3 }
        order_points: 3
        source: ["SRC"]
      }
      actors {
        id: "RUS"
        name: "Russia"
        playable: true
        start { sec: 55 dom: 65 std: 25 rf: 2 }
        order_points: 3
      }
      organisations {
        id: "CSTO"
        name: "CSTO"
        credibility: 40
        cohesion: 40
        members { actor: "ARM" status: FROZEN }
        members { actor: "RUS" status: ACTIVE }
        clauses {
          withdrawal: "Charter Art. 19"
          notice_turns: 6
          decision_rule: CONSENSUS
        }
      }
      tracks { id: "TENSION" name: "Tension" start: 30 }
      """;

  /** BASE with {@code from} replaced by {@code to} (which must occur exactly once). */
  static String base(String from, String to) {
    int i = BASE.indexOf(from);
    if (i < 0 || BASE.indexOf(from, i + 1) >= 0) {
      throw new IllegalArgumentException("not exactly once: " + from);
    }
    return BASE.replace(from, to);
  }

  /** BASE with {@code extra} appended. */
  static String plus(String extra) {
    return BASE + extra;
  }
}
