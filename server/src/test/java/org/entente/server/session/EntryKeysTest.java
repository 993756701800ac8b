package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.testing.MemoryStorage;
import org.entente.server.testing.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * An entry request's idempotency key is its sender's only with its secret: another client
 * who saw or guessed the key gets nothing of theirs and takes nothing from them.
 */
class EntryKeysTest {
  private static final ByteString ANIS_SECRET = ByteString.copyFromUtf8("0123456789abcdef");
  private static final ByteString OTHER_SECRET = ByteString.copyFromUtf8("fedcba9876543210");

  private static MemoryStorage disk() {
    return new MemoryStorage(7).withDirectory(DurableRig.DATA.resolve("sessions"));
  }

  private static boolean replaced(DurableRig.Client c) {
    return c.link.sent.stream()
        .anyMatch(m -> m.hasError() && m.getError().getCode() == ErrorCode.REPLACED);
  }

  @Test
  void anotherClientsJoinKeyWithAWrongOrNoSecretGetsItsOwnSeatAndLeavesTheOwnerAlone()
      throws Exception {
    DurableRig rig = new DurableRig(disk(), new MutableClock(0));
    String code = rig.create(new DurableRig.Client(), 1, 0).getSessionCreated().getJoinCode();
    DurableRig.Client ani = new DurableRig.Client();
    ServerMessage first = rig.join(ani, code, EntryKey.of(42, ANIS_SECRET), "Ani", "ARM");

    DurableRig.Client mallory = new DurableRig.Client();
    ServerMessage wrong = rig.join(mallory, code, EntryKey.of(42, OTHER_SECRET), "Mallory", "RUS");
    DurableRig.Client eve = new DurableRig.Client();
    ServerMessage none = rig.join(eve, code, EntryKey.of(42, ByteString.EMPTY), "Eve", "AZE");

    assertThat(wrong.getJoined().getSeatToken()).isNotEqualTo(first.getJoined().getSeatToken());
    assertThat(wrong.getJoined().getSeatId()).isNotEqualTo(first.getJoined().getSeatId());
    assertThat(wrong.getJoined().getCountry()).isEqualTo("RUS");
    assertThat(none.getJoined().getSeatToken()).isNotEqualTo(first.getJoined().getSeatToken());
    assertThat(none.getJoined().getCountry()).isEqualTo("AZE");
    assertThat(replaced(ani)).isFalse();

    DurableRig.Client aniAgain = new DurableRig.Client();
    ServerMessage retry = rig.join(aniAgain, code, EntryKey.of(42, ANIS_SECRET), "Ani", "ARM");
    assertThat(retry.getJoined().getSeatToken()).isEqualTo(first.getJoined().getSeatToken());
    assertThat(retry.getJoined().getSeatId()).isEqualTo(first.getJoined().getSeatId());
  }

  @Test
  void aRetriedJoinGetsTheSessionAsItIsNowAndTheKeptAnswerHoldsNoView() throws Exception {
    MemoryStorage disk = disk();
    DurableRig rig = new DurableRig(disk, new MutableClock(0));
    String code = rig.create(new DurableRig.Client(), 1, 0).getSessionCreated().getJoinCode();
    ServerMessage first =
        rig.join(new DurableRig.Client(), code, EntryKey.of(42, ANIS_SECRET), "Ani", "ARM");
    rig.join(new DurableRig.Client(), code, 43, "Boris", "RUS");

    ServerMessage retry =
        rig.join(new DurableRig.Client(), code, EntryKey.of(42, ANIS_SECRET), "Ani", "ARM");
    assertThat(retry.getJoined().getSeatToken()).isEqualTo(first.getJoined().getSeatToken());
    assertThat(first.getJoined().getView().getSeatsList())
        .extracting(s -> s.getDisplayName())
        .doesNotContain("Boris");
    assertThat(retry.getJoined().getView().getSeatsList())
        .as("the retry's view is the session's now, Boris in it")
        .extracting(s -> s.getDisplayName())
        .contains("Ani", "Boris");
    assertThat(retry.getJoined().getView().getLastSeq())
        .isGreaterThan(first.getJoined().getView().getLastSeq());

    DurableRig restarted = new DurableRig(disk.afterPowerLoss(), new MutableClock(1_000));
    ServerMessage afterRestart =
        restarted.join(new DurableRig.Client(), code, EntryKey.of(42, ANIS_SECRET), "Ani", "ARM");
    assertThat(afterRestart.getJoined().getSeatId()).isEqualTo(first.getJoined().getSeatId());
    assertThat(afterRestart.getJoined().getView().getSeatsList())
        .as("rebuilt from the journal, which kept the answer without its view")
        .extracting(s -> s.getDisplayName())
        .contains("Ani", "Boris");
    ServerMessage kept =
        ServerMessage.parseFrom(restarted.session(code).state.entryOutcomes.get(42L).response());
    assertThat(kept.getJoined().hasView()).as("about 2 KB an entry, not kept").isFalse();
    assertThat(kept.getJoined().getSeatToken()).isEqualTo(first.getJoined().getSeatToken());
  }

  @Test
  void aKeyedJoinWithoutASecretIsNotRemembered() throws Exception {
    DurableRig rig = new DurableRig(disk(), new MutableClock(0));
    String code = rig.create(new DurableRig.Client(), 1, 0).getSessionCreated().getJoinCode();
    ServerMessage first =
        rig.join(new DurableRig.Client(), code, EntryKey.of(42, ByteString.EMPTY), "Ani", "ARM");
    ServerMessage again =
        rig.join(new DurableRig.Client(), code, EntryKey.of(42, ByteString.EMPTY), "Ani", "ARM");

    assertThat(first.hasJoined()).isTrue();
    assertThat(again.getError().getCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(again.getError().getMessage())
        .isEqualTo("The name 'Ani' is taken in this session; choose another.");
  }

  @Test
  void anotherClientsCreationKeyMakesAnotherSessionAndTheOwnersRetryFindsTheirs() throws Exception {
    DurableRig rig = new DurableRig(disk(), new MutableClock(0));
    DurableRig.Client teacher = new DurableRig.Client();
    ServerMessage first = rig.create(teacher, EntryKey.of(9, ANIS_SECRET), 0);

    DurableRig.Client mallory = new DurableRig.Client();
    ServerMessage stolen = rig.create(mallory, EntryKey.of(9, OTHER_SECRET), 0);
    ServerMessage unsigned =
        rig.create(new DurableRig.Client(), EntryKey.of(9, ByteString.EMPTY), 0);

    for (ServerMessage other : new ServerMessage[] {stolen, unsigned}) {
      assertThat(other.getSessionCreated().getJoinCode())
          .isNotEqualTo(first.getSessionCreated().getJoinCode());
      assertThat(other.getSessionCreated().getGameMasterToken())
          .isNotEqualTo(first.getSessionCreated().getGameMasterToken());
    }
    assertThat(replaced(teacher)).isFalse();
    ServerMessage retry = rig.create(new DurableRig.Client(), EntryKey.of(9, ANIS_SECRET), 0);
    assertThat(retry.getSessionCreated().getGameMasterToken())
        .isEqualTo(first.getSessionCreated().getGameMasterToken());
  }

  @Test
  void theSecretIsJournalledSoARestartStillTellsOwnerFromStranger() throws Exception {
    MemoryStorage disk = disk();
    DurableRig rig = new DurableRig(disk, new MutableClock(0));
    ServerMessage created = rig.create(new DurableRig.Client(), EntryKey.of(9, ANIS_SECRET), 0);
    String code = created.getSessionCreated().getJoinCode();
    ServerMessage joined =
        rig.join(new DurableRig.Client(), code, EntryKey.of(42, ANIS_SECRET), "Ani", "ARM");

    DurableRig restarted = new DurableRig(disk.afterPowerLoss(), new MutableClock(1_000));
    ServerMessage wrongJoin =
        restarted.join(
            new DurableRig.Client(), code, EntryKey.of(42, OTHER_SECRET), "Mallory", "RUS");
    ServerMessage wrongCreate =
        restarted.create(new DurableRig.Client(), EntryKey.of(9, OTHER_SECRET), 0);
    ServerMessage rightJoin =
        restarted.join(new DurableRig.Client(), code, EntryKey.of(42, ANIS_SECRET), "Ani", "ARM");
    ServerMessage rightCreate =
        restarted.create(new DurableRig.Client(), EntryKey.of(9, ANIS_SECRET), 0);

    assertThat(wrongJoin.getJoined().getSeatToken())
        .isNotEqualTo(joined.getJoined().getSeatToken());
    assertThat(wrongCreate.getSessionCreated().getJoinCode()).isNotEqualTo(code);
    assertThat(rightJoin.getJoined().getSeatToken()).isEqualTo(joined.getJoined().getSeatToken());
    assertThat(rightCreate.getSessionCreated().getGameMasterToken())
        .isEqualTo(created.getSessionCreated().getGameMasterToken());
  }

  @Test
  void aKeyOfOneSeatSentByAnotherReturnsNothingOfTheFirst() throws Exception {
    DurableRig rig = new DurableRig(disk(), new MutableClock(0));
    DurableRig.Client gm = new DurableRig.Client();
    String code = rig.create(gm, 1, 0).getSessionCreated().getJoinCode();
    DurableRig.Client ani = new DurableRig.Client();
    DurableRig.Client ivan = new DurableRig.Client();
    rig.join(ani, code, 2, "Ani", "ARM");
    rig.join(ivan, code, 3, "Ivan", "RUS");
    gm.request(TurnsTest.start(), 0);

    ServerMessage anis =
        ani.request(NegotiationTest.say(Channel.PRIVATE, "RUS", "only for Russia"), 77);
    ServerMessage ivans = ivan.request(NegotiationTest.say(Channel.TEAM, "", "ours"), 77);

    assertThat(anis.getHistoryPage().getMessages(0).getText()).isEqualTo("only for Russia");
    assertThat(ivans.getHistoryPage().getMessages(0).getText()).isEqualTo("ours");
    assertThat(DurableRig.texts(rig.session(code))).containsExactly("only for Russia", "ours");
  }

  @Test
  void aSeatRemembersTheAnswersToItsLastSixteenKeyedRequestsAndNoMore() throws Exception {
    DurableRig rig = new DurableRig(disk(), new MutableClock(0));
    String code = rig.create(new DurableRig.Client(), 1, 0).getSessionCreated().getJoinCode();
    DurableRig.Client ani = new DurableRig.Client();
    rig.join(ani, code, 0, "Ani", "ARM");
    int sent = Seat.RECENT_RESPONSES + 1;
    for (long key = 1; key <= sent; key++) {
      assertThat(ani.request(NegotiationTest.say(Channel.PUBLIC, "", "message " + key), 100 + key))
          .matches(m -> !m.hasError(), "accepted");
    }

    ServerMessage remembered =
        ani.request(NegotiationTest.say(Channel.PUBLIC, "", "message 2"), 102);
    assertThat(DurableRig.texts(rig.session(code))).hasSize(sent);
    ServerMessage forgotten =
        ani.request(NegotiationTest.say(Channel.PUBLIC, "", "message 1"), 101);

    assertThat(remembered.hasError()).isFalse();
    assertThat(DurableRig.texts(rig.session(code)))
        .as("the oldest key is forgotten: its retry is a new message")
        .hasSize(sent + 1)
        .endsWith("message 1");
    assertThat(forgotten.hasError()).isFalse();
  }
}
