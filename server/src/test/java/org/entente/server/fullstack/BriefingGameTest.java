package org.entente.server.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.proto.protocol.v1.Briefing;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CountryOrders;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.GetBriefing;
import org.entente.proto.protocol.v1.ObjectiveBrief;
import org.entente.proto.protocol.v1.OrderKindBrief;
import org.entente.proto.protocol.v1.ScenarioFile;
import org.entente.proto.protocol.v1.Spectate;
import org.entente.proto.scenario.v1.OrderKind;
import org.entente.scenarios.BuiltInScenarios;
import org.entente.server.EntenteServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A session created from an uploaded scenario file briefs each seat over the network, as its role may see. */
class BriefingGameTest {
  @RegisterExtension final Loopback net = new Loopback(EntenteServer::builder);

  private static final ClientMessage.Builder GET_BRIEFING =
      ClientMessage.newBuilder().setGetBriefing(GetBriefing.getDefaultInstance());

  /** The fictional scenario, uploaded as a file, with OSTRA limited to two order kinds. */
  private static String uploadedScenario() {
    String text = BuiltInScenarios.text("veyla-strait-2031");
    String ostra = "  id: \"OSTRA\"\n";
    assertThat(text).contains(ostra);
    return text.replace(ostra, ostra + "  allowed_orders: [STATEMENT, ESCALATE]\n");
  }

  @Test
  void studentsOfAnUploadedScenarioSeeTheBriefingTheirObjectiveAndTheirOrderKinds()
      throws Exception {
    Participant gm = net.connect("Teacher");
    String code =
        gm.ok(
                ClientMessage.newBuilder()
                    .setCreateSession(
                        CreateSession.newBuilder()
                            .setTurns(6)
                            .setScenarioFile(
                                ScenarioFile.newBuilder()
                                    .setFileName("strait.textproto")
                                    .setText(uploadedScenario()))))
            .getSessionCreated()
            .getJoinCode();
    Participant korva = net.join(code, "Kai", "KORVA");
    Participant ostra = net.join(code, "Olga", "OSTRA");
    Participant spectator = net.connect("Visitor");
    spectator.ok(
        ClientMessage.newBuilder()
            .setSpectate(Spectate.newBuilder().setJoinCode(code).setDisplayName("Visitor")));

    Briefing kai = korva.ok(GET_BRIEFING).getBriefing();
    assertThat(kai.getScenarioId()).isEqualTo("veyla-strait-2031");
    assertThat(kai.getBackground()).startsWith("This is a fictional scenario");
    assertThat(kai.getTurnDatesList()).hasSize(6);
    assertThat(kai.getObjectivesList())
        .extracting(ObjectiveBrief::getCountry)
        .containsExactly("KORVA");
    assertThat(kai.getObjectives(0).getCriteriaList()).isNotEmpty();
    assertThat(kai.getOrdersList()).extracting(CountryOrders::getCountry).containsExactly("KORVA");
    assertThat(kai.getOrders(0).getKindsList())
        .extracting(OrderKindBrief::getKind)
        .contains(OrderKind.GIVE_NOTICE, OrderKind.ESCALATE);

    Briefing olga = ostra.ok(GET_BRIEFING).getBriefing();
    assertThat(olga.getObjectivesList())
        .extracting(ObjectiveBrief::getCountry)
        .containsExactly("OSTRA");
    assertThat(olga.getOrders(0).getKindsList())
        .extracting(OrderKindBrief::getKind)
        .containsExactly(OrderKind.ESCALATE, OrderKind.STATEMENT);
    assertThat(olga.getOrders(0).getKinds(0).getUsage())
        .isEqualTo("ESCALATE <target> INCIDENT|INCURSION|OFFENSIVE");
    assertThat(olga.getBackground()).isEqualTo(kai.getBackground());
    assertThat(olga.getDigest()).isNotEqualTo(kai.getDigest());

    Briefing visitor = spectator.ok(GET_BRIEFING).getBriefing();
    assertThat(visitor.getObjectivesList()).isEmpty();
    assertThat(visitor.getOrdersList()).isEmpty();
    assertThat(visitor.getBackground()).isEqualTo(kai.getBackground());
    assertThat(visitor.getActorsList()).isNotEmpty();

    Briefing teacher = gm.ok(GET_BRIEFING).getBriefing();
    assertThat(teacher.getObjectivesList())
        .extracting(ObjectiveBrief::getCountry)
        .containsExactly("KORVA", "HALDEN", "MIRAN", "OSTRA");
    assertThat(teacher.getOrdersList())
        .extracting(CountryOrders::getCountry)
        .containsExactly("KORVA", "HALDEN", "MIRAN", "OSTRA");
    assertThat(teacher.getObjectivesList()).contains(kai.getObjectives(0), olga.getObjectives(0));

    assertThat(korva.ok(GET_BRIEFING).getBriefing())
        .as("the same briefing, asked again")
        .isEqualTo(kai);
  }
}
