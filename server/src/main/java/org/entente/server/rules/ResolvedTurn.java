package org.entente.server.rules;

import com.google.common.collect.ImmutableList;

/** The outcome of one resolved turn: the report, line by line with visibilities. */
public record ResolvedTurn(int turn, ImmutableList<ReportLine> lines) {}
