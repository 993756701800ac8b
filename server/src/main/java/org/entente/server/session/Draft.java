package org.entente.server.session;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.entente.engine.order.Order;

/** A country's orders for one turn, as its team last left them. Immutable. */
public record Draft(String country, int turn, ImmutableList<DraftOrder> orders, boolean ready) {

  public static Draft empty(String country, int turn) {
    return new Draft(country, turn, ImmutableList.of(), false);
  }

  public ImmutableList<Order> plainOrders() {
    return orders.stream().map(DraftOrder::order).collect(ImmutableList.toImmutableList());
  }

  public Optional<DraftOrder> find(long orderId) {
    return orders.stream().filter(o -> o.id() == orderId).findFirst();
  }

  public Draft with(ImmutableList<DraftOrder> newOrders) {
    return new Draft(country, turn, newOrders, false);
  }

  public Draft withReady(boolean newReady) {
    return new Draft(country, turn, orders, newReady);
  }
}
