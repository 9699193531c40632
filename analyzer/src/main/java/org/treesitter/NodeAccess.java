package org.treesitter;

/**
 * The binding's native node accessors, called without its per-call null check.
 *
 * <p>Why: {@link TSNode#getSymbol()}, {@link TSNode#getStartByte()} and {@link TSNode#getEndByte()}
 * each make two JNI calls (one to ask whether the node is null, one for the answer), and a
 * JNI call that takes a node costs about 0.4 us here. Copying a tree makes these three calls
 * for every node, on nodes that come from a tree cursor and so are never null: calling the
 * natives directly halves the copy's JNI work (dev.lockstep.analyzer.python.PythonParser).
 * The natives are package-private to {@code org.treesitter}, hence this class's package.
 */
public final class NodeAccess {
    private NodeAccess() {
    }

    /** The node's grammar symbol; {@code node} must not be a null node. */
    public static int symbol(TSNode node) {
        return TSParser.ts_node_symbol(node);
    }

    /** The node's first UTF-8 byte offset; {@code node} must not be a null node. */
    public static int startByte(TSNode node) {
        return TSParser.ts_node_start_byte(node);
    }

    /** The node's end UTF-8 byte offset (exclusive); {@code node} must not be a null node. */
    public static int endByte(TSNode node) {
        return TSParser.ts_node_end_byte(node);
    }
}
