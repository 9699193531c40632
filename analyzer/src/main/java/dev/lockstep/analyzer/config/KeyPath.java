package dev.lockstep.analyzer.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A key in a TOML document, as TOML writes it ({@code rules.custom[1].call}) and as a JSON
 * pointer into the parsed tree ({@code /rules/custom/1/call}), which is how lines are looked up.
 */
record KeyPath(List<Object> segments) {
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_-]+");
    static final KeyPath ROOT = new KeyPath(List.of());

    KeyPath {
        segments = List.copyOf(segments);
    }

    KeyPath key(String name) {
        List<Object> s = new ArrayList<>(segments);
        s.add(name);
        return new KeyPath(s);
    }

    KeyPath index(int i) {
        List<Object> s = new ArrayList<>(segments);
        s.add(i);
        return new KeyPath(s);
    }

    KeyPath parent() {
        return segments.isEmpty() ? this : new KeyPath(segments.subList(0, segments.size() - 1));
    }

    boolean isRoot() {
        return segments.isEmpty();
    }

    String pointer() {
        StringBuilder b = new StringBuilder();
        for (Object segment : segments) {
            b.append('/').append(segment.toString().replace("~", "~0").replace("/", "~1"));
        }
        return b.toString();
    }

    /** The key as written in TOML: dotted, with array positions in brackets, odd keys quoted. */
    String display() {
        StringBuilder b = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer i) {
                b.append('[').append(i).append(']');
                continue;
            }
            String name = (String) segment;
            if (b.length() > 0) {
                b.append('.');
            }
            b.append(BARE.matcher(name).matches() ? name
                    : "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return display();
    }
}
