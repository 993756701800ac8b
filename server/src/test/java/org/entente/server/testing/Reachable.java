package org.entente.server.testing;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The objects an object keeps, counted by class: what a test of retained state asserts on
 * instead of measuring the heap. It follows every field of our classes and of libraries', and
 * the contents of the JDK's collections, maps, optionals and arrays; other JDK objects (strings,
 * boxes, clocks, random sources) are counted but not looked into.
 */
public final class Reachable {
  private final Map<Class<?>, Integer> counts = new HashMap<>();

  private Reachable() {}

  /** Every object reachable from {@code root}, {@code root} included, by class. */
  public static Reachable from(Object root) {
    Reachable census = new Reachable();
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    Deque<Object> next = new ArrayDeque<>();
    next.push(root);
    while (!next.isEmpty()) {
      Object o = next.pop();
      if (seen.put(o, Boolean.TRUE) != null) {
        continue;
      }
      census.counts.merge(o.getClass(), 1, Integer::sum);
      census.contents(o).forEach(next::push);
    }
    return census;
  }

  /** How many instances of {@code type} (exactly, not its subclasses) are reachable. */
  public int count(Class<?> type) {
    return counts.getOrDefault(type, 0);
  }

  /** How many instances of {@code type} or of its subclasses are reachable. */
  public int countAssignable(Class<?> type) {
    int n = 0;
    for (Map.Entry<Class<?>, Integer> e : counts.entrySet()) {
      if (type.isAssignableFrom(e.getKey())) {
        n += e.getValue();
      }
    }
    return n;
  }

  private Collection<Object> contents(Object o) {
    Collection<Object> out = new ArrayList<>();
    Class<?> c = o.getClass();
    if (c.isArray()) {
      if (!c.getComponentType().isPrimitive()) {
        for (int i = 0; i < Array.getLength(o); i++) {
          addIfPresent(out, Array.get(o, i));
        }
      }
      return out;
    }
    if (!isJdk(c)) {
      for (Class<?> k = c; k != null && !isJdk(k); k = k.getSuperclass()) {
        for (Field f : k.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
            f.setAccessible(true);
            addIfPresent(out, read(f, o));
          }
        }
      }
      return out;
    }
    if (o instanceof Collection<?> elements) {
      elements.forEach(e -> addIfPresent(out, e));
    } else if (o instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) -> {
            addIfPresent(out, k);
            addIfPresent(out, v);
          });
    } else if (o instanceof Optional<?> optional) {
      optional.ifPresent(out::add);
    }
    return out;
  }

  private static void addIfPresent(Collection<Object> out, Object o) {
    if (o != null) {
      out.add(o);
    }
  }

  private static Object read(Field f, Object o) {
    try {
      return f.get(o);
    } catch (IllegalAccessException e) {
      throw new AssertionError("cannot read " + f, e);
    }
  }

  private static boolean isJdk(Class<?> c) {
    String name = c.getName();
    return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.");
  }
}
