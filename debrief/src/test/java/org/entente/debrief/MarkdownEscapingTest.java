package org.entente.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.entente.engine.text.VisibleText;
import org.junit.jupiter.api.Test;

/**
 * {@link Html#md} read back by a CommonMark reader (with GFM tables, as GitHub and most
 * viewers read debrief.md): whatever a player typed, the reader shows exactly that text, as
 * plain text, in every place the debrief puts it.
 */
class MarkdownEscapingTest {
  private static final Parser PARSER =
      Parser.builder().extensions(List.of(TablesExtension.create())).build();

  /** Characters that mean something to Markdown or HTML, plus letters, spaces, line breaks and a control. */
  private static final String ALPHABET =
      "ab1é_ *_`#>-+=|\\[]()!<>&;:/.1\n\t~^\"'{}$%@\u0007\u00e9\u202e";

  @Test
  void whatAPlayerTypedReadsBackAsTheSameTextInEveryPlace() {
    Random random = new Random(20261201);
    for (int i = 0; i < 3000; i++) {
      String typed = randomText(random);
      String expected = expected(typed);
      String cell = Html.md(typed);
      assertThat(readBack(PARSER.parse(cell), Node.class))
          .as("paragraph from %s", show(typed))
          .isEqualTo(expected);
      assertThat(readBack(PARSER.parse("- " + cell), Node.class))
          .as("list item from %s", show(typed))
          .isEqualTo(expected);
      assertThat(readBack(PARSER.parse("### " + cell), Heading.class))
          .as("heading from %s", show(typed))
          .isEqualTo(expected);
      assertThat(readBack(PARSER.parse("> x: " + cell), Node.class))
          .as("quote from %s", show(typed))
          .isEqualTo(("x: " + expected).strip());
      String table = "| a | b |\n|---|---|\n| " + cell + " | z |\n";
      assertThat(firstBodyCell(PARSER.parse(table)))
          .as("table cell from %s", show(typed))
          .isEqualTo(expected);
    }
  }

  @Test
  void theExamplesOfTheIssueStayPlainText() {
    for (String typed :
        List.of(
            "\\*x\\*",
            "_x_",
            "# heading",
            "<b>bold</b> &amp; &lt;",
            "[link](http://x)",
            "1. item",
            "    code",
            "a | b",
            "**strong**",
            "`code`")) {
      Node doc = PARSER.parse("- " + Html.md(typed));
      assertThat(readBack(doc, Node.class)).as(typed).isEqualTo(typed.strip());
    }
    assertThat(Html.md("<b> & ' \"")).as("no HTML entities").isEqualTo("\\<b\\> \\& ' \"");
    assertThat(Html.md("PROPOSE_PARTNERSHIP, T1."))
        .as("plain text stays readable")
        .isEqualTo("PROPOSE_PARTNERSHIP, T1.");
  }

  /** The whole debrief.md of a game with hostile text: no HTML, emphasis only where the renderer puts it. */
  @Test
  void theDebriefMarkdownHoldsNoHtmlAndThePlayersTextReadsBack() {
    String md = DebriefRenderer.markdown(DebriefRendererTest.sampleGame(2));
    assertThat(md).doesNotContain("&lt;").doesNotContain("&amp;").doesNotContain("&#39;");
    Node doc = PARSER.parse(md);
    doc.accept(
        new AbstractVisitor() {
          @Override
          public void visit(HtmlInline node) {
            throw new AssertionError("raw HTML in debrief.md: " + node.getLiteral());
          }

          @Override
          public void visit(HtmlBlock node) {
            throw new AssertionError("raw HTML in debrief.md: " + node.getLiteral());
          }

          @Override
          public void visit(Link node) {
            throw new AssertionError("a link in debrief.md: " + node.getDestination());
          }
        });
    StringBuilder text = new StringBuilder();
    doc.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text t) {
            text.append(t.getLiteral());
          }
        });
    assertThat(text.toString())
        .contains(DebriefRendererTest.HOSTILE)
        .contains("We remain friends " + DebriefRendererTest.HOSTILE);
  }

  private static String randomText(Random random) {
    int n = random.nextInt(14);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  /** What a reader should see: one line, controls shown as the terminal policy shows them, no outer spaces. */
  private static String expected(String typed) {
    return VisibleText.line(typed.replace('\n', ' ')).strip();
  }

  private static String show(String s) {
    return "\"" + s.replace("\n", "\\n").replace("\t", "\\t") + "\"";
  }

  /** The plain text under the first node of {@code type}; fails on any markup a player's text could have made. */
  private static String readBack(Node doc, Class<? extends Node> type) {
    Node root = find(doc, type);
    StringBuilder b = new StringBuilder();
    root.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            b.append(text.getLiteral());
          }

          @Override
          public void visit(Emphasis e) {
            throw new AssertionError("emphasis");
          }

          @Override
          public void visit(StrongEmphasis e) {
            throw new AssertionError("strong emphasis");
          }

          @Override
          public void visit(Code c) {
            throw new AssertionError("code span");
          }

          @Override
          public void visit(HtmlInline h) {
            throw new AssertionError("inline HTML");
          }

          @Override
          public void visit(Link l) {
            throw new AssertionError("link");
          }

          @Override
          public void visit(SoftLineBreak s) {
            throw new AssertionError("line break");
          }

          @Override
          public void visit(HardLineBreak s) {
            throw new AssertionError("line break");
          }
        });
    return b.toString();
  }

  private static Node find(Node node, Class<? extends Node> type) {
    if (type.isInstance(node)) {
      return node;
    }
    for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
      Node found = find(c, type);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static String firstBodyCell(Node doc) {
    List<TableCell> cells = new java.util.ArrayList<>();
    doc.accept(
        new AbstractVisitor() {
          @Override
          public void visit(org.commonmark.node.CustomNode node) {
            if (node instanceof TableCell cell && !cell.isHeader()) {
              cells.add(cell);
            }
            visitChildren(node);
          }
        });
    assertThat(cells).as("a table body cell").isNotEmpty();
    return readBack(cells.get(0), Node.class);
  }
}
