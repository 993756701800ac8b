package org.entente.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.entente.proto.protocol.v1.ClientMessage.BodyCase;
import org.entente.proto.protocol.v1.ConnectionStage;
import org.entente.proto.protocol.v1.RateClass;
import org.entente.proto.protocol.v1.Role;
import org.junit.jupiter.api.Test;

class RequestsTest {

  @Test
  void everyBodyFieldHasAContract() {
    List<BodyCase> declared = new ArrayList<>();
    Requests.all().forEach(k -> declared.add(k.body()));
    EnumSet<BodyCase> expected = EnumSet.allOf(BodyCase.class);
    expected.remove(BodyCase.BODY_NOT_SET);
    assertThat(declared).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void gameMasterControlsAreForTheGameMasterAlone() {
    for (BodyCase c :
        List.of(
            BodyCase.START_GAME,
            BodyCase.FORCE_RESOLUTION,
            BodyCase.ASSIGN_BOT,
            BodyCase.RELEASE_BOT,
            BodyCase.EXPORT_RECORD,
            BodyCase.REMOVE_SEAT)) {
      assertThat(Requests.of(c).roles()).as(c.name()).containsExactly(Role.GAME_MASTER);
    }
  }

  @Test
  void requestsThatChangeTheSessionAreRetriedAndReadsAreNot() {
    assertThat(Requests.changesSession(BodyCase.ASSIGN_BOT)).isTrue();
    assertThat(Requests.changesSession(BodyCase.RELEASE_BOT)).isTrue();
    assertThat(Requests.changesSession(BodyCase.EDIT_DRAFT)).isTrue();
    assertThat(Requests.changesSession(BodyCase.GET_HISTORY)).isFalse();
    assertThat(Requests.changesSession(BodyCase.EXPORT_RECORD)).isFalse();
    assertThat(Requests.changesSession(BodyCase.BODY_NOT_SET)).isFalse();
  }

  @Test
  void lobbyAndHelloRequestsNameNoRoles() {
    for (Requests.Kind k : Requests.all()) {
      assertThat(k.roles().isEmpty())
          .as(k.wireName())
          .isEqualTo(k.stage() != ConnectionStage.IN_SESSION);
      assertThat(k.rateClass()).as(k.wireName()).isNotEqualTo(RateClass.RATE_CLASS_UNSPECIFIED);
    }
    assertThat(Requests.of(BodyCase.HELLO).stage()).isEqualTo(ConnectionStage.AWAITING_HELLO);
    assertThat(Requests.of(BodyCase.JOIN_SESSION).wireName()).isEqualTo("join_session");
  }

  @Test
  void noContractForAnEmptyBody() {
    assertThatThrownBy(() -> Requests.of(BodyCase.BODY_NOT_SET))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
