package org.entente.server.fullstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.Country;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.GetSessionInfo;
import org.entente.proto.protocol.v1.JoinSession;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.SessionInfo;
import org.entente.server.EntenteServer;
import org.entente.server.lobby.JoinAttempts;
import org.entente.server.testing.UploadedScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A join form asks which countries a join code's session has, uploaded scenario or not. */
class SessionInfoTest {
  @RegisterExtension final Loopback net = new Loopback(EntenteServer::builder);

  private static ClientMessage.Builder info(String code) {
    return ClientMessage.newBuilder()
        .setGetSessionInfo(GetSessionInfo.newBuilder().setJoinCode(code));
  }

  @Test
  void theSessionOfAnUploadedScenarioNamesItsOwnCountries() throws Exception {
    Participant gm = net.connect("Teacher");
    String code = gm.ok(UploadedScenarios.createClassStrait()).getSessionCreated().getJoinCode();

    Participant student = net.connect("Kai");
    String typed = code.toLowerCase().replace("-", " - ");
    SessionInfo info = student.ok(info(typed)).getSessionInfo();
    assertThat(info.getScenarioId()).isEqualTo("class-strait");
    assertThat(info.getTitle()).isNotBlank();
    assertThat(info.getCountriesList().stream().filter(Country::getPlayable))
        .extracting(Country::getId, Country::getName)
        .containsExactly(
            tuple("KORVA", "Korvania"),
            tuple("HALDEN", "Halden"),
            tuple("MIRAN", "Miran"),
            tuple("OSTRA", "Ostra"));
    assertThat(info.getCountriesList()).extracting(Country::getId).contains("LUSK");

    // The lookup leaves the connection in the lobby, free to join.
    ServerMessage joined =
        student.ok(
            ClientMessage.newBuilder()
                .setJoinSession(
                    JoinSession.newBuilder()
                        .setJoinCode(code)
                        .setDisplayName("Kai")
                        .setCountry("KORVA")));
    assertThat(joined.getJoined().getCountry()).isEqualTo("KORVA");
    assertThat(student.call(info(code)).getError().getCode())
        .isEqualTo(ErrorCode.UNEXPECTED_MESSAGE);
  }

  @Test
  void aWrongCodeCountsAgainstTheAddressAsAWrongJoinDoes() throws Exception {
    Participant gm = net.connect("Teacher");
    String code = gm.ok(UploadedScenarios.createClassStrait()).getSessionCreated().getJoinCode();
    String wrong = code.equals("ZZZ-ZZZ") ? "YYY-YYY" : "ZZZ-ZZZ";
    Participant guesser = net.connect("Eve");
    for (int i = 0; i < JoinAttempts.LIMIT; i++) {
      ServerMessage answer = guesser.call(info(wrong));
      assertThat(answer.getError().getCode()).isEqualTo(ErrorCode.UNKNOWN_SESSION);
      assertThat(answer.getError().getMessage())
          .isEqualTo("No session has the join code '" + wrong + "'.");
    }
    assertThat(guesser.call(info(code)).getError().getCode())
        .isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
    Participant another = net.connect("Eve again");
    assertThat(
            another
                .call(
                    ClientMessage.newBuilder()
                        .setJoinSession(
                            JoinSession.newBuilder()
                                .setJoinCode(code)
                                .setDisplayName("Eve")
                                .setCountry("KORVA")))
                .getError()
                .getCode())
        .isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
  }
}
