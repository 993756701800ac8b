package org.entente.server.net;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * TLS for the server (TLS 1.2 and 1.3 only): from a certificate and key the operator has, or a
 * self-signed certificate made on first start and kept in the data directory, whose SHA-256
 * fingerprint clients pin on first use.
 */
public final class Tls {
  /** File names under the data directory's {@code tls/}. */
  public static final String CERT = "server.crt";

  public static final String KEY = "server.key";
  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private Tls() {}

  /** A server context, and the certificate it presents. */
  public record Server(SslContext context, X509Certificate certificate) {
    public String fingerprint() {
      return Tls.fingerprint(certificate);
    }
  }

  /** From PEM files: a certificate chain and a PKCS#8 private key. */
  public static Server fromFiles(Path certificate, Path key) throws IOException {
    try {
      SslContext context =
          SslContextBuilder.forServer(certificate.toFile(), key.toFile())
              .protocols(PROTOCOLS)
              .build();
      return new Server(context, readCertificate(certificate));
    } catch (SSLException | IllegalArgumentException e) {
      throw new IOException(
          "cannot use " + certificate + " and " + key + " for TLS: " + e.getMessage(), e);
    }
  }

  /**
   * The self-signed certificate under {@code dir} ({@value #CERT}, {@value #KEY}), made now
   * (ECDSA P-256, valid ten years, names {@code hostNames}) if it is not there yet.
   */
  public static Server selfSigned(Path dir, String... hostNames) throws IOException {
    Path cert = dir.resolve(CERT);
    Path key = dir.resolve(KEY);
    if (!Files.exists(cert) || !Files.exists(key)) {
      Files.createDirectories(dir);
      try {
        writeSelfSigned(cert, key, hostNames);
      } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
        throw new IOException("cannot make a self-signed certificate: " + e.getMessage(), e);
      }
    }
    return fromFiles(cert, key);
  }

  /** {@code SHA256:AB:CD:...}, the form `entente connect` shows and pins. */
  public static String fingerprint(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return "SHA256:" + HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate readCertificate(Path file) throws IOException {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(file)));
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read the certificate " + file + ": " + e.getMessage(), e);
    }
  }

  private static void writeSelfSigned(Path cert, Path key, String... hostNames)
      throws GeneralSecurityException,
          IOException,
          org.bouncycastle.operator.OperatorCreationException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    KeyPair pair = generator.generateKeyPair();
    Instant now = Instant.now();
    X500Name subject = new X500Name("CN=entente");
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            new BigInteger(64, new SecureRandom()),
            Date.from(now.minus(Duration.ofDays(1))),
            Date.from(now.plus(Duration.ofDays(3650))),
            subject,
            pair.getPublic());
    GeneralName[] names = new GeneralName[hostNames.length + 1];
    names[0] = new GeneralName(GeneralName.dNSName, "localhost");
    for (int i = 0; i < hostNames.length; i++) {
      names[i + 1] = new GeneralName(GeneralName.dNSName, hostNames[i].toLowerCase(Locale.ROOT));
    }
    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
    X509Certificate certificate =
        new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
            .getCertificate(
                builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    Path keyTemp = key.resolveSibling(key.getFileName() + ".tmp");
    Files.deleteIfExists(keyTemp);
    Files.createFile(
        keyTemp,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(
        keyTemp,
        pem(new JcaPKCS8Generator(pair.getPrivate(), null).generate()),
        StandardCharsets.US_ASCII);
    Files.move(keyTemp, key, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    Files.writeString(cert, pem(certificate), StandardCharsets.US_ASCII);
  }

  private static String pem(Object object) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    }
    return out.toString();
  }
}
