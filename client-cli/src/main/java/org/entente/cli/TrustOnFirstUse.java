package org.entente.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import org.entente.client.KnownServers;
import org.entente.client.ServerAddress;
import org.entente.client.ServerTrust;
import org.entente.client.UntrustedServerException;

/**
 * How every command that connects treats a {@code tls://} server whose certificate no
 * authority vouches for (a self-signed {@code entente server --tls-self-signed}): the first time,
 * the user compares its fingerprint with the one the server printed and answers yes to pin it in
 * {@code known-servers}; later connections need that same certificate. A changed certificate is
 * refused without a question, and so is an unknown one when nobody can answer (a script).
 */
public final class TrustOnFirstUse {
  /** Asks the user whether to trust a presented fingerprint; null where nobody can answer. */
  @FunctionalInterface
  public interface Question {
    boolean trust(UntrustedServerException e) throws IOException;
  }

  /** One connection attempt with the given trust. */
  @FunctionalInterface
  public interface Connector<T> {
    T connect(ServerTrust trust) throws IOException;
  }

  private TrustOnFirstUse() {}

  /** The user's pins, and {@code --fingerprint} if given. */
  public static ServerTrust trust(String fingerprint) {
    return ServerTrust.of(KnownServers.forUser(), Optional.ofNullable(fingerprint));
  }

  /**
   * Connects; on an unknown certificate asks {@code question} (if not null), connects again
   * requiring the fingerprint when the answer is yes, and pins it. A fingerprint the user gave
   * ({@code --fingerprint}) is pinned once a connection with it succeeded.
   *
   * @throws UntrustedServerException if the certificate is refused (changed, unknown with no one
   *     to ask, or the user said no)
   */
  public static <T> T connect(
      ServerAddress server, ServerTrust trust, Question question, Connector<T> connector)
      throws IOException {
    T connected;
    try {
      connected = connector.connect(trust);
    } catch (UntrustedServerException e) {
      if (e.expected().isPresent()
          || question == null
          || trust.known().isEmpty()
          || !question.trust(e)) {
        throw e;
      }
      connected = connector.connect(trust.requiring(e.presented()));
      trust.known().get().pin(server, e.presented());
      return connected;
    }
    if (server.tls() && trust.required().isPresent() && trust.known().isPresent()) {
      // A fingerprint given on the command line and found right is pinned like an answered
      // question.
      trust.known().get().pin(server, trust.required().get());
    }
    return connected;
  }

  /** The question on the terminal (reads a line from the console), or null when there is none. */
  public static Question onConsole(PrintStream out) {
    java.io.Console console = System.console();
    if (console == null) {
      return null;
    }
    return e -> {
      out.println(
          "The server "
              + e.server()
              + " presents a TLS certificate that no certificate authority vouches for.");
      out.println("Its fingerprint is " + e.presented());
      out.println(
          "Compare it with the 'TLS certificate fingerprint' line the server printed when it started");
      out.println(
          "(ask whoever runs it). Once trusted, it is pinned in "
              + KnownServers.forUser().file()
              + ".");
      out.flush();
      String answer = console.readLine("Trust this server? Type yes or no: ");
      return answer != null && answer.strip().equalsIgnoreCase("yes");
    };
  }

  /** The sentence after a refusal: what to do next. */
  public static String advice(UntrustedServerException e) {
    return e.expected().isPresent()
        ? e.getMessage()
        : e.getMessage()
            + ". If it matches the fingerprint the server printed, connect again with --fingerprint "
            + e.presented();
  }
}
