package org.entente.bench;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.Hello;
import org.entente.proto.protocol.v1.ProtocolVersion;
import org.entente.proto.protocol.v1.ServerMessage;

/**
 * A blocking protocol client on a plain socket, for probes: write frames, read frames, nothing
 * else (no retries, no event handling). Loopback only. Not thread-safe, except that one thread
 * may write while another reads.
 */
final class WireClient implements AutoCloseable {
  final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private long nextId = 1;

  private WireClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  static WireClient connect(int port) throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    s.setSoTimeout(10_000);
    return new WireClient(s);
  }

  static WireClient hello(int port, String name) throws IOException {
    WireClient c = connect(port);
    ServerMessage welcome =
        c.call(
            ClientMessage.newBuilder()
                .setHello(
                    Hello.newBuilder()
                        .setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_1)
                        .setClientName(name)));
    if (!welcome.hasWelcome()) {
      throw new IOException("no welcome: " + welcome);
    }
    return c;
  }

  long nextId() {
    return nextId++;
  }

  /** Writes a request with the next id; returns the id. */
  long send(ClientMessage.Builder message) throws IOException {
    long id = nextId++;
    write(message.setRequestId(id).build());
    return id;
  }

  void write(ClientMessage message) throws IOException {
    out.write(frame(message));
    out.flush();
  }

  static byte[] frame(ClientMessage message) {
    byte[] body = message.toByteArray();
    byte[] framed = new byte[CodedOutputStream.computeUInt32SizeNoTag(body.length) + body.length];
    CodedOutputStream coded = CodedOutputStream.newInstance(framed);
    try {
      coded.writeUInt32NoTag(body.length);
      coded.writeRawBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return framed;
  }

  /** Sends and reads until the response to it (events and other frames are skipped). */
  ServerMessage call(ClientMessage.Builder message) throws IOException {
    long id = send(message);
    while (true) {
      ServerMessage m = read();
      if (m == null) {
        throw new IOException("closed before the answer to " + message.getBodyCase());
      }
      if (m.getRequestId() == id && !m.hasEvent()) {
        return m;
      }
    }
  }

  /** The next frame, or null at the end of the stream. */
  ServerMessage read() throws IOException {
    int first = in.read();
    if (first < 0) {
      return null;
    }
    int length = CodedInputStream.readRawVarint32(first, in);
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      return null;
    }
    return ServerMessage.parseFrom(body);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
