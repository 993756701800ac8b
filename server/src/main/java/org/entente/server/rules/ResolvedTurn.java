package org.entente.server.rules;

import com.google.common.collect.ImmutableList;
import org.entente.engine.report.ReportLine;

/** The outcome of one resolved turn: the engine's report, line by line with visibilities. */
public record ResolvedTurn(int turn, ImmutableList<ReportLine> lines) {}
