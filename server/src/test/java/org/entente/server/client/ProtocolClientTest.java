package org.entente.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.Hello;
import org.entente.proto.protocol.v1.ListScenarios;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.EntenteServer;
import org.entente.server.ServerConfig;
import org.entente.server.testing.FakeRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProtocolClientTest {
  private EntenteServer server;

  @BeforeEach
  void start() throws Exception {
    server = EntenteServer.builder(FakeRules.catalog()).config(ServerConfig.defaults().withPort(0).withBindAddress("127.0.0.1")).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void responsesMatchTheirRequestsById() throws Exception {
    try (ProtocolClient client = ProtocolClient.connectAndHello("127.0.0.1", server.port(), "test")) {
      var first = client.request(ClientMessage.newBuilder().setListScenarios(ListScenarios.getDefaultInstance()));
      var second = client.request(ClientMessage.newBuilder().setHello(Hello.getDefaultInstance()));
      assertThat(first.get(10, TimeUnit.SECONDS).hasScenarioList()).isTrue();
      assertThat(second.get(10, TimeUnit.SECONDS).getError().getCode()).isEqualTo(ErrorCode.UNEXPECTED_MESSAGE);
    }
  }

  @Test
  void aRefusedHelloClosesTheConnectionAndLaterRequestsFail() throws Exception {
    try (ProtocolClient client = ProtocolClient.connect("127.0.0.1", server.port())) {
      ServerMessage refused = client.request(ClientMessage.newBuilder().setHello(Hello.newBuilder().setProtocolVersionValue(9)))
          .get(10, TimeUnit.SECONDS);
      assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
      client.closeFuture().get(10, TimeUnit.SECONDS);
      assertThat(client.isOpen()).isFalse();
      assertThatThrownBy(() -> client.request(ClientMessage.newBuilder().setListScenarios(ListScenarios.getDefaultInstance()))
          .get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).hasMessageContaining("closed");
    }
  }
}
