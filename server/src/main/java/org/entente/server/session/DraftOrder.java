package org.entente.server.session;

import org.entente.engine.order.Order;

/** An accepted order in a draft, with its id, canonical text and who wrote it. */
public record DraftOrder(long id, Order order, String text, String author) {}
