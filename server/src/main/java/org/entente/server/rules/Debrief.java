package org.entente.server.rules;

/** A rendered debrief: the Markdown report and the self-contained HTML page, and the turns it covers. */
public record Debrief(int turns, String markdown, String html) {}
