package org.entente.engine.model;

/** A member's standing in an organisation (docs/rules.md, Membership). */
public enum MemberStatus {
  /** Not a member (never was, or the record is empty). */
  NONE,
  ACTIVE,
  /** Participation frozen: no legal effect, obligations continue, cannot block decisions. */
  FROZEN,
  /** Formal notice given; withdrawal takes effect when the countdown reaches 0. */
  NOTICE,
  WITHDRAWN,
  SUSPENDED,
  EXPELLED,
  /** Applied to (re-)join; waiting to become ACTIVE. */
  APPLICANT;

  /** Bound by the treaty: may request assistance and must answer requests. */
  public boolean participating() {
    return this == ACTIVE || this == FROZEN || this == NOTICE;
  }

  /** Takes part in decisions (may object or stand aside). A frozen member cannot block. */
  public boolean voting() {
    return this == ACTIVE || this == NOTICE;
  }
}
