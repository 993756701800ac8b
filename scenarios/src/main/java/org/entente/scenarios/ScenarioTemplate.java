package org.entente.scenarios;

import java.util.Locale;

/** A commented starter scenario for authors ({@code scenario new NAME}). */
public final class ScenarioTemplate {
  private ScenarioTemplate() {}

  /**
   * A starter {@code .textproto}: two playable actors, one organisation, a few order rules, one
   * objective each and one test case. It loads with zero errors (order kinds without a rule are
   * warnings: they use the engine default). {@code name} becomes the title; its lower-case,
   * dashed form the id.
   */
  public static String starter(String name) {
    String title = name == null || name.isBlank() ? "New scenario" : name.strip();
    String id =
        title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (id.isEmpty()) {
      id = "new-scenario";
    }
    return TEMPLATE
        .replace("@ID@", id)
        .replace("@TITLE@", title.replace("\\", "\\\\").replace("\"", "\\\""));
  }

  private static final String TEMPLATE =
      """
      # proto-file: entente/scenario/v1/scenario.proto
      # proto-message: entente.scenario.v1.Scenario
      #
      # A starter scenario. Check it with `./entente scenario validate FILE`; the
      # comments in scenario.proto are the field reference.
      format_version: 1

      metadata {
        id: "@ID@"                # lower-case letters, digits and dashes
        title: "@TITLE@"
        summary: "One paragraph: what the crisis is about."
        start_date: "2024-01-01"  # the date of turn 0
        turn_length: MONTH
        default_turns: 6
        default_press: FULL
        briefing: "What every player reads before turn 1."
        # Every `source` key cited below must be defined here.
        sources { key: "AUTHOR" citation: "Calibrated by the scenario author." }
      }

      # Actors: ids are upper-case (A-Z, 0-9, _), at most 24 characters.
      actors {
        id: "NORTH"
        name: "Northland"
        playable: true
        start { sec: 50 dom: 50 std: 50 rf: 5 }  # 0..100 each, rf 0..50
        order_points: 3
        source: ["AUTHOR"]
      }
      actors {
        id: "SOUTH"
        name: "Southland"
        playable: true
        start { sec: 40 dom: 60 std: 45 rf: 4 }
        order_points: 3
        source: ["AUTHOR"]
      }

      organisations {
        id: "PACT"
        name: "Regional Pact"
        credibility: 50
        cohesion: 50
        members { actor: "NORTH" status: ACTIVE }
        members { actor: "SOUTH" status: ACTIVE }
        clauses {
          collective_defence: "Pact Art. 5"
          consultation: "Pact Art. 4"
          withdrawal: "Pact Art. 13"
          notice_turns: 3
          decision_rule: CONSENSUS
          decision: "Pact Art. 9 (consensus)"
        }
      }

      relations { from: "NORTH" to: "SOUTH" trust: 20 mutual: true }

      tracks { id: "TENSION" name: "Tension" start: 30 }

      # Order rules: cost, preconditions (expressions), effects (quantity references).
      # Kinds without a rule use the engine default (cost 1, no effects).
      order_rules {
        kind: STATEMENT
        cost: 1
        variants { name: "CRITICISE" effects { target: "trust(target, self)" delta: -3 } }
        variants { name: "REASSURE" effects { target: "trust(target, self)" delta: 3 } }
        variants { name: "CONDEMN" effects { target: "std(target)" delta: -2 } }
      }
      order_rules {
        kind: GIVE_NOTICE
        cost: 2
        preconditions {
          condition: "status(self, org) == ACTIVE or status(self, org) == FROZEN"
          reason: "only an active or frozen member can give notice"
        }
        effects { target: "coh(org)" delta: -10 }
        effects { target: "dom(self)" delta: 3 }
      }
      order_rules {
        kind: ESCALATE
        cost: 2
        preconditions { condition: "target != self" reason: "you cannot escalate against yourself" }
        variants { name: "INCIDENT" effects { target: "track(TENSION)" delta: 5 } }
        variants { name: "INCURSION" extra_cost: 1 effects { target: "track(TENSION)" delta: 10 } }
        variants { name: "OFFENSIVE" extra_cost: 2 effects { target: "track(TENSION)" delta: 20 } }
      }

      mechanics {
        trust_drift_percent: 10
        answer_window_turns: 1
        notice_min_dom: 30
        tension_track: "TENSION"
      }

      events {
        id: "SUMMIT"
        turn: 2
        title: "A summit is announced"
        text: "Leaders will meet next month."
        effects { target: "track(TENSION)" delta: -5 }
      }

      # Hidden objectives: criteria points add up to 100.
      objectives {
        actor: "NORTH"
        summary: "Stay secure and keep the pact together."
        criteria { id: "SECURE" description: "Security at least 50" condition: "sec(self) >= 50" points: 60 }
        criteria { id: "PACT" description: "Still an active member" condition: "status(self, PACT) == ACTIVE" points: 40 }
      }
      objectives {
        actor: "SOUTH"
        summary: "Win support at home and keep tension low."
        criteria { id: "SUPPORT" description: "Domestic support at least 60" condition: "dom(self) >= 60" points: 50 }
        criteria { id: "CALM" description: "Tension below 40" condition: "track(TENSION) < 40" points: 50 }
      }

      notes { date: "2024-01" kind: STATE text: "The state of play at the start." source: ["AUTHOR"] }

      # Test cases: run with `./entente scenario test FILE`.
      test_cases {
        id: "NOTICE_STARTS_COUNTDOWN"
        description: "Notice given in turn 1 puts SOUTH in NOTICE with 3 turns left."
        turns { orders: "SOUTH: GIVE_NOTICE PACT" }
        expect: "status(SOUTH, PACT) == NOTICE"
      }
      """;
}
