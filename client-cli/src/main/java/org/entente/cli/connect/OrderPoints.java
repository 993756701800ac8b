package org.entente.cli.connect;

import java.util.Optional;
import org.entente.proto.protocol.v1.Briefing;
import org.entente.proto.protocol.v1.CountryOrders;
import org.entente.proto.protocol.v1.Draft;
import org.entente.proto.protocol.v1.DraftOrder;
import org.entente.proto.protocol.v1.OrderKindBrief;

/** What orders cost, from the server's briefing (never a table of our own). */
final class OrderPoints {
  private OrderPoints() {}

  /** The brief of {@code kind} for {@code country}, if the briefing lists it. */
  static Optional<OrderKindBrief> brief(Briefing b, String country, String kind) {
    return b.getOrdersList().stream()
        .filter(c -> c.getCountry().equals(country))
        .map(CountryOrders::getKindsList)
        .flatMap(java.util.List::stream)
        .filter(k -> k.getKind().name().equals(kind))
        .findFirst();
  }

  /** The cost of one drafted order (0 if the briefing does not list its kind). */
  static int cost(Briefing b, String country, DraftOrder o) {
    return brief(b, country, o.getOrder().getKind().name()).map(OrderKindBrief::getCost).orElse(0);
  }

  /** The order points the draft uses. */
  static int used(Briefing b, Draft d) {
    return d.getOrdersList().stream().mapToInt(o -> cost(b, d.getCountry(), o)).sum();
  }
}
