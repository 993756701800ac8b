package org.entente.client;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Whom the client trusts on a {@code tls://} connection (TLS 1.2 and 1.3 only). A fingerprint
 * given by the user ({@code --fingerprint}) or pinned earlier in {@link KnownServers} must match
 * the server's certificate exactly, whoever signed it. With neither, the certificate must be
 * vouched for by the system's certificate authorities and name the host; otherwise the
 * connection fails with an {@link UntrustedServerException} carrying the fingerprint, which
 * the user may compare with the one {@code entente server} printed and pin.
 */
public final class ServerTrust {
  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private final KnownServers known;
  private final String fingerprint;

  private ServerTrust(KnownServers known, String fingerprint) {
    this.known = known;
    this.fingerprint = fingerprint;
  }

  /**
   * Trusts {@code fingerprint} if present (normalised by {@link KnownServers#normaliseFingerprint}),
   * else what {@code known} pinned, else the system's certificate authorities.
   */
  public static ServerTrust of(KnownServers known, Optional<String> fingerprint) {
    return new ServerTrust(known, fingerprint.map(KnownServers::normaliseFingerprint).orElse(null));
  }

  /** The system's certificate authorities only: nothing pinned, nothing remembered. */
  public static ServerTrust authoritiesOnly() {
    return new ServerTrust(null, null);
  }

  /** The user's pins ({@link KnownServers#forUser}), and the authorities. */
  public static ServerTrust forUser() {
    return of(KnownServers.forUser(), Optional.empty());
  }

  /** Where accepted fingerprints are pinned; empty for {@link #authoritiesOnly}. */
  public Optional<KnownServers> known() {
    return Optional.ofNullable(known);
  }

  /** The fingerprint required of every server, if one was given. */
  public Optional<String> required() {
    return Optional.ofNullable(fingerprint);
  }

  /** This trust with {@code fingerprint} required, e.g. once the user accepted it. */
  public ServerTrust requiring(String fingerprint) {
    return new ServerTrust(known, KnownServers.normaliseFingerprint(fingerprint));
  }

  /**
   * {@code SHA256:AB:CD:...} of a certificate, the form {@code entente server} prints (the
   * server's {@code Tls.fingerprint} computes the same; the client does not depend on the server).
   */
  public static String fingerprint(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return "SHA256:" + HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The checks of one connection attempt: its TLS handler, and why it refused the server if it did. */
  Check check(ServerAddress server) throws IOException {
    Optional<String> expected =
        fingerprint != null
            ? Optional.of(fingerprint)
            : known != null ? known.pinned(server) : Optional.empty();
    return new Check(server, expected);
  }

  /** One connection attempt's trust manager; remembers a refused certificate. */
  static final class Check extends X509ExtendedTrustManager {
    private final ServerAddress server;
    private final Optional<String> expected;
    private final X509ExtendedTrustManager authorities;
    private volatile UntrustedServerException refused;

    private Check(ServerAddress server, Optional<String> expected) throws IOException {
      this.server = server;
      this.expected = expected;
      this.authorities = systemTrustManager();
    }

    SslHandler newHandler(ByteBufAllocator alloc) throws IOException {
      SslContext context =
          SslContextBuilder.forClient().protocols(PROTOCOLS).trustManager(this).build();
      SslHandler handler = context.newHandler(alloc, server.host(), server.port());
      SSLEngine engine = handler.engine();
      SSLParameters parameters = engine.getSSLParameters();
      // The authorities' check must also see that the certificate names the host typed.
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      engine.setSSLParameters(parameters);
      return handler;
    }

    /** Why the certificate was refused, if it was. */
    Optional<UntrustedServerException> refused() {
      return Optional.ofNullable(refused);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      verify(chain, () -> authorities.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      verify(chain, () -> authorities.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      verify(chain, () -> authorities.checkServerTrusted(chain, authType));
    }

    private interface AuthorityCheck {
      void run() throws CertificateException;
    }

    private void verify(X509Certificate[] chain, AuthorityCheck authorityCheck)
        throws CertificateException {
      if (chain == null || chain.length == 0) {
        throw new CertificateException("the server presented no certificate");
      }
      String presented = fingerprint(chain[0]);
      if (expected.isPresent()) {
        if (!MessageDigest.isEqual(
            presented.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            expected.get().getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
          refused = new UntrustedServerException(server, presented, expected);
          throw new CertificateException(refused.getMessage());
        }
        return;
      }
      try {
        authorityCheck.run();
      } catch (CertificateException e) {
        refused = new UntrustedServerException(server, presented, Optional.empty());
        throw e;
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("a client does not check clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("a client does not check clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("a client does not check clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return authorities.getAcceptedIssuers();
    }
  }

  private static X509ExtendedTrustManager systemTrustManager() throws IOException {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      for (TrustManager m : factory.getTrustManagers()) {
        if (m instanceof X509ExtendedTrustManager x) {
          return x;
        }
      }
      throw new IOException("this Java has no X.509 trust manager");
    } catch (GeneralSecurityException e) {
      throw new IOException(
          "cannot load the system's certificate authorities: " + e.getMessage(), e);
    }
  }
}
