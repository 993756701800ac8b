package org.entente.scenarios;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.TextFormatParseInfoTree;
import com.google.protobuf.TextFormatParseLocation;
import java.util.ArrayList;
import java.util.List;
import org.entente.scenarios.SourceText.Pos;

/**
 * Positions of fields and values in a parsed scenario file. A {@link Node} is one message of the
 * file with its parse-info tree; a field that is absent (or a message the tree does not know,
 * as after a partial parse) falls back to the position of the enclosing message, so every
 * problem has a position.
 */
final class Locator {
  private static final TextFormatParseInfoTree EMPTY = TextFormatParseInfoTree.builder().build();

  /** A message of the file: its type, its parse-info subtree, and where it starts. */
  record Node(Descriptor type, TextFormatParseInfoTree tree, Pos pos) {}

  private final SourceText source;

  Locator(SourceText source) {
    this.source = source;
  }

  Node root(Descriptor type, TextFormatParseInfoTree tree) {
    return new Node(type, tree == null ? EMPTY : tree, Pos.START);
  }

  /** The nested message {@code field[index]} (index 0 for a singular field). */
  Node child(Node parent, String field, int index) {
    FieldDescriptor fd = parent.type().findFieldByName(field);
    if (fd == null || fd.getType() != FieldDescriptor.Type.MESSAGE) {
      throw new IllegalArgumentException("not a message field: " + field);
    }
    TextFormatParseInfoTree tree = EMPTY;
    try {
      tree = parent.tree().getNestedTree(fd, index);
    } catch (RuntimeException e) {
      // The tree has fewer entries than the message (list syntax); keep the parent's.
    }
    return new Node(fd.getMessageType(), tree, field(parent, field, index));
  }

  /** Where {@code field[index]}'s name is written, or the message's own position. */
  Pos field(Node n, String field, int index) {
    List<TextFormatParseLocation> locations = locations(n, field);
    if (locations.isEmpty()) {
      return n.pos();
    }
    TextFormatParseLocation l = locations.get(Math.max(0, Math.min(index, locations.size() - 1)));
    return source.pos(source.index(l.getLine(), l.getColumn()));
  }

  /** Where the value of {@code field[index]} starts (its opening quote for strings). */
  Pos value(Node n, String field, int index) {
    int i = valueIndex(n, field, index);
    return i < 0 ? n.pos() : source.pos(i);
  }

  /** Where character {@code offset} of the string value {@code field[index]} is written. */
  Pos inString(Node n, String field, int index, int offset) {
    int i = valueIndex(n, field, index);
    return i < 0 ? n.pos() : source.pos(source.indexInString(i, offset));
  }

  private int valueIndex(Node n, String field, int index) {
    List<TextFormatParseLocation> locations = locations(n, field);
    if (locations.isEmpty()) {
      return -1;
    }
    List<Integer> starts = new ArrayList<>();
    for (TextFormatParseLocation l : locations) {
      starts.addAll(source.valueStarts(source.index(l.getLine(), l.getColumn())));
      if (starts.size() > index) {
        break;
      }
    }
    return starts.get(Math.max(0, Math.min(index, starts.size() - 1)));
  }

  private static List<TextFormatParseLocation> locations(Node n, String field) {
    FieldDescriptor fd = n.type().findFieldByName(field);
    if (fd == null) {
      throw new IllegalArgumentException("no field " + field + " in " + n.type().getName());
    }
    return n.tree().getLocations(fd);
  }
}
