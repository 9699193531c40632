package dev.lockstep.analyzer.python;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One node of a parsed Python module, copied out of tree-sitter.
 *
 * <p>Why a copy: a tree-sitter tree holds native memory until its Java handle is collected
 * (about 76 MB per MB of source), so trees are walked once, copied into these plain Java
 * objects and dropped. The copy is immutable once built and safe to share between threads.
 *
 * <p>Positions are 0-based lines and 0-based UTF-16 columns in the parsed (translated) text;
 * offsets index that text's {@code String}.
 */
public final class SyntaxNode {
    private final String type;
    private final String field;
    private final boolean named;
    private final boolean missing;
    private final int startOffset;
    private final int endOffset;
    private final int startLine;
    private final int startColumn;
    private final int endLine;
    private final int endColumn;
    private final List<SyntaxNode> children;
    private final String source;
    private SyntaxNode parent;
    // Set once by the parser on a finished tree (see indexPreorder): every node of the tree in
    // source order, shared by all its nodes, and this node's subtree as a range of it, so a
    // walk is a loop over an array instead of a stack of children.
    private SyntaxNode[] preorder;
    private int preorderStart;
    private int preorderEnd;

    SyntaxNode(String type, String field, boolean named, boolean missing, int startOffset, int endOffset,
            int startLine, int startColumn, int endLine, int endColumn, List<SyntaxNode> children, String source) {
        this.type = type;
        this.field = field;
        this.named = named;
        this.missing = missing;
        this.startOffset = startOffset;
        this.endOffset = endOffset;
        this.startLine = startLine;
        this.startColumn = startColumn;
        this.endLine = endLine;
        this.endColumn = endColumn;
        this.children = List.copyOf(children);
        this.source = source;
        for (SyntaxNode child : this.children) {
            child.parent = this;
        }
    }

    /** The grammar's node type, e.g. {@code call}, {@code identifier}, {@code ERROR}, or the token text for anonymous nodes. */
    public String type() {
        return type;
    }

    /** The field name this node has in its parent ({@code function}, {@code arguments}...), or null. */
    public String field() {
        return field;
    }

    public boolean isNamed() {
        return named;
    }

    public boolean is(String nodeType) {
        return type.equals(nodeType);
    }

    public boolean isError() {
        return type.equals("ERROR");
    }

    public boolean isMissing() {
        return missing;
    }

    public int startOffset() {
        return startOffset;
    }

    public int endOffset() {
        return endOffset;
    }

    public int startLine() {
        return startLine;
    }

    public int startColumn() {
        return startColumn;
    }

    public int endLine() {
        return endLine;
    }

    public int endColumn() {
        return endColumn;
    }

    /** The source text this node spans. */
    public String text() {
        return source.substring(startOffset, endOffset);
    }

    public SyntaxNode parent() {
        return parent;
    }

    public List<SyntaxNode> children() {
        return children;
    }

    public List<SyntaxNode> namedChildren() {
        List<SyntaxNode> named = new ArrayList<>(children.size());
        for (int i = 0; i < children.size(); i++) {
            SyntaxNode child = children.get(i);
            if (child.named) {
                named.add(child);
            }
        }
        return named;
    }

    /** The first child with the given field name, or null. */
    public SyntaxNode child(String fieldName) {
        // Indexed loops here and below: the launcher runs C1 only, which does not remove an
        // iterator's allocation, and these are called for most nodes by most rules.
        for (int i = 0; i < children.size(); i++) {
            SyntaxNode child = children.get(i);
            if (fieldName.equals(child.field)) {
                return child;
            }
        }
        return null;
    }

    /** All children with the given field name. */
    public List<SyntaxNode> children(String fieldName) {
        List<SyntaxNode> result = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            SyntaxNode child = children.get(i);
            if (fieldName.equals(child.field)) {
                result.add(child);
            }
        }
        return result;
    }

    /** The first named child of the given type, or null. */
    public SyntaxNode firstChildOfType(String nodeType) {
        for (int i = 0; i < children.size(); i++) {
            SyntaxNode child = children.get(i);
            if (child.type.equals(nodeType)) {
                return child;
            }
        }
        return null;
    }

    /** Visits this node and every descendant in source order (iteratively: trees can be deep). */
    public void walk(Consumer<SyntaxNode> visitor) {
        SyntaxNode[] order = preorder;
        if (order != null) {
            for (int i = preorderStart; i < preorderEnd; i++) {
                visitor.accept(order[i]);
            }
            return;
        }
        Deque<SyntaxNode> stack = new ArrayDeque<>();
        stack.push(this);
        while (!stack.isEmpty()) {
            SyntaxNode node = stack.pop();
            visitor.accept(node);
            for (int i = node.children.size() - 1; i >= 0; i--) {
                stack.push(node.children.get(i));
            }
        }
    }

    /**
     * Lays the finished tree under this root out in source order once, so that walks of any of
     * its nodes are array loops. Called by the parser before the tree is handed out.
     */
    void indexPreorder() {
        List<SyntaxNode> order = new ArrayList<>();
        Deque<SyntaxNode> stack = new ArrayDeque<>();
        stack.push(this);
        while (!stack.isEmpty()) {
            SyntaxNode node = stack.pop();
            node.preorderStart = order.size();
            order.add(node);
            for (int i = node.children.size() - 1; i >= 0; i--) {
                stack.push(node.children.get(i));
            }
        }
        SyntaxNode[] array = order.toArray(new SyntaxNode[0]);
        // A subtree ends where the next node that is not its descendant starts: compute ends
        // bottom-up (reverse preorder), each node's end being its last child's end.
        for (int i = array.length - 1; i >= 0; i--) {
            SyntaxNode node = array[i];
            node.preorderEnd = node.children.isEmpty() ? i + 1 : node.children.get(node.children.size() - 1).preorderEnd;
            node.preorder = array;
        }
    }

    /** Every descendant (and this node) matching the predicate, in source order. */
    public List<SyntaxNode> find(Predicate<SyntaxNode> predicate) {
        List<SyntaxNode> found = new ArrayList<>();
        walk(node -> {
            if (predicate.test(node)) {
                found.add(node);
            }
        });
        return found;
    }

    /** The nearest ancestor (not this node) of one of the given types, or null. */
    public SyntaxNode ancestor(String... types) {
        for (SyntaxNode node = parent; node != null; node = node.parent) {
            for (String t : types) {
                if (node.type.equals(t)) {
                    return node;
                }
            }
        }
        return null;
    }

    /** Whether {@code other} is this node or inside it. */
    public boolean contains(SyntaxNode other) {
        return other.startOffset >= startOffset && other.endOffset <= endOffset;
    }

    @Override
    public String toString() {
        return type + "@" + (startLine + 1) + ":" + (startColumn + 1);
    }

    /** An S-expression of the named structure, for tests and debugging. */
    public String toSExpression() {
        StringBuilder out = new StringBuilder();
        appendSExpression(out);
        return out.toString();
    }

    private void appendSExpression(StringBuilder out) {
        if (field != null) {
            out.append(field).append(": ");
        }
        out.append('(').append(type);
        for (SyntaxNode child : children) {
            if (child.named) {
                out.append(' ');
                child.appendSExpression(out);
            }
        }
        out.append(')');
    }
}
