package org.entente.cli;

/** Entry point of the {@code entente} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("entente: the commands are being built; see README.md");
  }
}
