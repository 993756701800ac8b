package org.entente.engine.expr;

import java.util.ArrayList;
import java.util.List;
import org.entente.engine.expr.Token.Kind;

/** The {@code name(ID, ID)} head shared by quantity references and assignments. */
final class RefSyntax {
  private RefSyntax() {}

  /** The function-like head and the index of the token after its ')'. */
  record Head(Token name, List<Token> args, int end, int next) {
    int offset() {
      return name.offset();
    }
  }

  private static final List<String> ACTOR_VARIABLES = List.of("self", "target", "other");
  private static final List<String> ORG_VARIABLES = List.of("org");

  /** Parses {@code NAME ( NAME {, NAME} )} from {@code tokens}; null after adding an error. */
  static Head parseHead(List<Token> tokens, List<ExprError> errors) {
    int pos = 0;
    Token name = tokens.get(pos);
    if (name.kind() != Kind.NAME) {
      errors.add(Parser.unexpectedError(name, "a quantity such as 'sec(ARM)'"));
      return null;
    }
    if (tokens.get(++pos).kind() != Kind.LPAREN) {
      errors.add(Parser.unexpectedError(tokens.get(pos), "'('"));
      return null;
    }
    List<Token> args = new ArrayList<>();
    do {
      Token arg = tokens.get(++pos);
      if (arg.kind() != Kind.NAME) {
        errors.add(Parser.unexpectedError(arg, "a name"));
        return null;
      }
      args.add(arg);
      pos++;
    } while (tokens.get(pos).kind() == Kind.COMMA);
    Token close = tokens.get(pos);
    if (close.kind() != Kind.RPAREN) {
      errors.add(Parser.unexpectedError(close, "',' or ')'"));
      return null;
    }
    return new Head(name, List.copyOf(args), close.end(), pos + 1);
  }

  /** "'trust' takes 2 arguments, trust(actor, actor), but was given 1", or null if it fits. */
  static ExprError arity(Head head, List<ArgKind> kinds) {
    if (head.args().size() == kinds.size()) {
      return null;
    }
    StringBuilder signature = new StringBuilder(head.name().text()).append('(');
    for (int i = 0; i < kinds.size(); i++) {
      signature.append(i == 0 ? "" : ", ").append(kinds.get(i).description);
    }
    signature.append(')');
    return new ExprError(
        head.offset(),
        head.end() - head.offset(),
        ExprError.ARITY,
        "'"
            + head.name().text()
            + "' takes "
            + kinds.size()
            + (kinds.size() == 1 ? " argument, " : " arguments, ")
            + signature
            + ", but was given "
            + head.args().size());
  }

  /**
   * Checks each argument against its kind, adding errors. With {@code variablesAllowed}, actor
   * arguments may be {@code self}, {@code target} or {@code other} and organisation arguments
   * {@code org}.
   */
  static void checkArgs(
      Head head,
      List<ArgKind> kinds,
      Names names,
      boolean variablesAllowed,
      List<ExprError> errors) {
    for (int i = 0; i < kinds.size(); i++) {
      Token arg = head.args().get(i);
      String message = check(arg.text(), kinds.get(i), names, variablesAllowed);
      if (message != null) {
        String code =
            Variable.byName(arg.text()) != null ? ExprError.UNKNOWN_VARIABLE : ExprError.UNKNOWN_ID;
        errors.add(new ExprError(arg.offset(), arg.length(), code, message));
      }
    }
  }

  private static String check(String id, ArgKind kind, Names names, boolean variablesAllowed) {
    if (Variable.byName(id) != null) {
      List<String> fitting =
          kind == ArgKind.ACTOR
              ? ACTOR_VARIABLES
              : kind == ArgKind.ORGANISATION ? ORG_VARIABLES : List.of();
      if (!variablesAllowed) {
        return "set lines take ids, not variables: '" + id + "'";
      }
      if (fitting.contains(id)) {
        return null;
      }
      return fitting.isEmpty()
          ? "variable '" + id + "' cannot stand for " + article(kind)
          : "variable '"
              + id
              + "' cannot be used here; use "
              + String.join(", ", fitting)
              + " or an id";
    }
    return switch (kind) {
      case ACTOR ->
          names.isActor(id)
              ? null
              : names.isOrganisation(id)
                  ? Compiler.quote(id) + " is an organisation, not an actor"
                  : Compiler.unknownId(
                      id,
                      "actor",
                      names.actorIds(),
                      variablesAllowed ? ACTOR_VARIABLES : List.of());
      case ORGANISATION ->
          names.isOrganisation(id)
              ? null
              : names.isActor(id)
                  ? Compiler.quote(id) + " is an actor, not an organisation"
                  : Compiler.unknownId(
                      id,
                      "organisation",
                      names.organisationIds(),
                      variablesAllowed ? ORG_VARIABLES : List.of());
      case TRACK ->
          names.isTrack(id) ? null : Compiler.unknownId(id, "track", names.trackIds(), List.of());
      case PRESENCE ->
          names.isPresence(id)
              ? null
              : Compiler.unknownId(id, "presence", names.presenceIds(), List.of());
      default -> throw new AssertionError(kind);
    };
  }

  private static String article(ArgKind kind) {
    return kind == ArgKind.TRACK ? "a track" : "a presence";
  }
}
