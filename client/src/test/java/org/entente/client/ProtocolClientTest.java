package org.entente.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.Channel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.Error;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.Hello;
import org.entente.proto.protocol.v1.ListScenarios;
import org.entente.proto.protocol.v1.ProtocolVersion;
import org.entente.proto.protocol.v1.ScenarioList;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.Welcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProtocolClientTest {
  private FakeServer server;
  private final Set<Channel> greeted = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void start() throws Exception {
    // Like the real server: one hello per connection; a newer version is refused and closes.
    server =
        new FakeServer(
            (m, channel) -> {
              if (m.hasHello()
                  && m.getHello().getProtocolVersionValue()
                      > ProtocolVersion.PROTOCOL_VERSION_1_VALUE) {
                channel.eventLoop().schedule(() -> channel.close(), 50, TimeUnit.MILLISECONDS);
                return ServerMessage.newBuilder()
                    .setError(Error.newBuilder().setCode(ErrorCode.UNSUPPORTED_VERSION));
              }
              if (m.hasHello() && !greeted.add(channel)) {
                return ServerMessage.newBuilder()
                    .setError(Error.newBuilder().setCode(ErrorCode.UNEXPECTED_MESSAGE));
              }
              return m.hasHello()
                  ? ServerMessage.newBuilder().setWelcome(Welcome.getDefaultInstance())
                  : ServerMessage.newBuilder().setScenarioList(ScenarioList.getDefaultInstance());
            });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void responsesMatchTheirRequestsById() throws Exception {
    try (ProtocolClient client =
        ProtocolClient.connectAndHello("127.0.0.1", server.port(), "test")) {
      var first =
          client.request(
              ClientMessage.newBuilder().setListScenarios(ListScenarios.getDefaultInstance()));
      var second = client.request(ClientMessage.newBuilder().setHello(Hello.getDefaultInstance()));
      assertThat(first.get(10, TimeUnit.SECONDS).hasScenarioList()).isTrue();
      assertThat(second.get(10, TimeUnit.SECONDS).getError().getCode())
          .isEqualTo(ErrorCode.UNEXPECTED_MESSAGE);
    }
  }

  @Test
  void aRefusedHelloClosesTheConnectionAndLaterRequestsFail() throws Exception {
    try (ProtocolClient client = ProtocolClient.connect("127.0.0.1", server.port())) {
      ServerMessage refused =
          client
              .request(
                  ClientMessage.newBuilder()
                      .setHello(Hello.newBuilder().setProtocolVersionValue(9)))
              .get(10, TimeUnit.SECONDS);
      assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
      client.closeFuture().get(10, TimeUnit.SECONDS);
      assertThat(client.isOpen()).isFalse();
      assertThatThrownBy(
              () ->
                  client
                      .request(
                          ClientMessage.newBuilder()
                              .setListScenarios(ListScenarios.getDefaultInstance()))
                      .get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasMessageContaining("closed");
    }
  }
}
