package org.entente.server.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The web client's files, resources under {@code /web/} and the request contract
 * ({@link RequestContractJson}): GET (and HEAD, the same headers without the body) of a known
 * path only (anything else 404, other methods 405), each with a strict
 * Content-Security-Policy, {@code nosniff} and no framing.
 */
final class StaticFiles extends SimpleChannelInboundHandler<FullHttpRequest> {
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; "
          + "connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'";
  private static final Pattern WATCH = Pattern.compile("/watch/[A-Za-z0-9-]{1,16}");

  /** Not a resource: made from the request contract when the class loads. */
  private static final String CONTRACT = "requests.json";

  private static final Map<String, String> ROUTES =
      Map.of(
          "/", "play.html",
          "/play", "play.html",
          "/gm", "gm.html",
          "/app.css", "app.css",
          "/gm.css", "gm.css",
          "/entente.js", "entente.js",
          "/play.js", "play.js",
          "/gm.js", "gm.js",
          "/watch.js", "watch.js",
          "/requests.json", CONTRACT);
  private static final String WATCH_PAGE = "watch.html";
  private static final Map<String, File> FILES = load();

  record File(byte[] bytes, String contentType) {}

  private static Map<String, File> load() {
    Map<String, File> files = new HashMap<>();
    Set<String> names = new TreeSet<>(ROUTES.values());
    names.add(WATCH_PAGE);
    names.remove(CONTRACT);
    files.put(CONTRACT, new File(RequestContractJson.bytes(), contentType(CONTRACT)));
    for (String name : names) {
      try (InputStream in = StaticFiles.class.getResourceAsStream("/web/" + name)) {
        if (in == null) {
          throw new IllegalStateException("missing resource /web/" + name);
        }
        files.put(name, new File(in.readAllBytes(), contentType(name)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Map.copyOf(files);
  }

  private static String contentType(String name) {
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    } else if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    } else if (name.endsWith(".json")) {
      return "application/json; charset=utf-8";
    }
    return "text/javascript; charset=utf-8";
  }

  /** The path of a request target, without query or fragment. */
  static String pathOf(String uri) {
    int cut = uri.length();
    for (char c : new char[] {'?', '#'}) {
      int at = uri.indexOf(c);
      if (at >= 0 && at < cut) {
        cut = at;
      }
    }
    return uri.substring(0, cut);
  }

  static Optional<File> fileFor(String path) {
    String name = WATCH.matcher(path).matches() ? WATCH_PAGE : ROUTES.get(path);
    return Optional.ofNullable(name).map(FILES::get);
  }

  /** The headers every answer of the web client carries. */
  static void secure(FullHttpResponse response, String contentType) {
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, contentType)
        .set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
        .set(HttpHeaderNames.CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY)
        .set("x-content-type-options", "nosniff")
        .set(HttpHeaderNames.X_FRAME_OPTIONS, "DENY")
        .set("referrer-policy", "no-referrer")
        .set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    FullHttpResponse response;
    Optional<File> file = fileFor(pathOf(request.uri()));
    boolean head = request.method().equals(HttpMethod.HEAD);
    boolean get = head || request.method().equals(HttpMethod.GET);
    if (!request.decoderResult().isSuccess()) {
      response = text(request, HttpResponseStatus.BAD_REQUEST, "Bad request.\n");
    } else if (file.isPresent() && get) {
      response =
          new DefaultFullHttpResponse(
              request.protocolVersion(),
              HttpResponseStatus.OK,
              Unpooled.wrappedBuffer(file.get().bytes()));
      secure(response, file.get().contentType());
    } else if (!get) {
      response = text(request, HttpResponseStatus.METHOD_NOT_ALLOWED, "Only GET and HEAD.\n");
      response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
    } else {
      response = text(request, HttpResponseStatus.NOT_FOUND, "Not found.\n");
    }
    if (head) {
      response = withoutBody(response);
    }
    boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
    if (keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(response);
    } else {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** The answer to HEAD: the status and headers GET gets (Content-Length included), no body. */
  private static FullHttpResponse withoutBody(FullHttpResponse response) {
    FullHttpResponse head = response.replace(Unpooled.EMPTY_BUFFER);
    response.release();
    return head;
  }

  private static FullHttpResponse text(
      FullHttpRequest request, HttpResponseStatus status, String body) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            request.protocolVersion(), status, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    secure(response, "text/plain; charset=utf-8");
    return response;
  }
}
