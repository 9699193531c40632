package dev.lockstep.cli;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * A Markdown page (a rule's or an extract code's documentation) as plain terminal text:
 * headings underlined, paragraphs and list items wrapped to the width, code blocks indented
 * as they are, emphasis and strong emphasis as plain words, inline code in backquotes (so a
 * path stays recognisable), links as "text (url)". Parsed with commonmark-java.
 */
final class TerminalMarkdown {

    private static final String CODE_INDENT = "    ";

    private TerminalMarkdown() {
    }

    static String render(String markdown, int width) {
        Node document = Parser.builder().build().parse(markdown);
        Blocks blocks = new Blocks(Math.max(40, width));
        document.accept(blocks);
        String text = String.join("\n\n", blocks.out);
        return text.isEmpty() ? "" : text + "\n";
    }

    /** Renders each block to text, joined by blank lines. */
    private static final class Blocks extends AbstractVisitor {
        private final int width;
        private final List<String> out = new ArrayList<>();

        Blocks(int width) {
            this.width = width;
        }

        @Override
        public void visit(Heading heading) {
            String title = Inlines.of(heading);
            char rule = heading.getLevel() == 1 ? '=' : '-';
            out.add(title + "\n" + String.valueOf(rule).repeat(title.codePointCount(0, title.length())));
        }

        @Override
        public void visit(Paragraph paragraph) {
            out.add(wrap(Inlines.of(paragraph), width, "", ""));
        }

        @Override
        public void visit(FencedCodeBlock code) {
            out.add(indent(code.getLiteral()));
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            out.add(indent(code.getLiteral()));
        }

        @Override
        public void visit(BulletList list) {
            out.add(items(list, null));
        }

        @Override
        public void visit(OrderedList list) {
            out.add(items(list, list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber()));
        }

        @Override
        public void visit(BlockQuote quote) {
            Blocks inner = new Blocks(width - 2);
            visitChildren(quote, inner);
            out.add(String.join("\n\n", inner.out).replaceAll("(?m)^", "| "));
        }

        @Override
        public void visit(ThematicBreak rule) {
            out.add("-".repeat(Math.min(width, 40)));
        }

        @Override
        public void visit(HtmlBlock html) {
            out.add(html.getLiteral().strip());
        }

        private String items(Node list, Integer start) {
            StringBuilder text = new StringBuilder();
            int number = start == null ? 0 : start;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                String marker = start == null ? "- " : (number++) + ". ";
                String hanging = " ".repeat(marker.length());
                Blocks inner = new Blocks(width - marker.length());
                visitChildren(item, inner);
                String body = String.join("\n", inner.out);
                if (text.length() > 0) {
                    text.append('\n');
                }
                text.append(marker).append(body.replace("\n", "\n" + hanging).replaceAll("(?m)^ +$", ""));
            }
            return text.toString();
        }

        private static void visitChildren(Node parent, Blocks into) {
            for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
                child.accept(into);
            }
        }

        private static String indent(String code) {
            String body = code.endsWith("\n") ? code.substring(0, code.length() - 1) : code;
            return (CODE_INDENT + body.replace("\n", "\n" + CODE_INDENT)).replaceAll("(?m)^ +$", "");
        }
    }

    /** The text of a block's inline content: soft breaks as spaces, hard breaks as newlines. */
    private static final class Inlines extends AbstractVisitor {
        private final StringBuilder text = new StringBuilder();

        static String of(Node block) {
            Inlines inlines = new Inlines();
            for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
                child.accept(inlines);
            }
            return inlines.text.toString();
        }

        @Override
        public void visit(Text node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(Code code) {
            text.append('`').append(code.getLiteral()).append('`');
        }

        @Override
        public void visit(Emphasis emphasis) {
            visitChildren(emphasis);
        }

        @Override
        public void visit(StrongEmphasis strong) {
            visitChildren(strong);
        }

        @Override
        public void visit(Link link) {
            int before = text.length();
            visitChildren(link);
            String label = text.substring(before);
            if (!link.getDestination().isEmpty() && !label.equals(link.getDestination())) {
                text.append(" (").append(link.getDestination()).append(')');
            }
        }

        @Override
        public void visit(SoftLineBreak softBreak) {
            text.append(' ');
        }

        @Override
        public void visit(HardLineBreak hardBreak) {
            text.append('\n');
        }

        @Override
        public void visit(HtmlInline html) {
            text.append(html.getLiteral());
        }
    }

    /**
     * Words wrapped at the width (a word longer than the width gets a line of its own); each
     * hard line break starts a new line. The first line starts with {@code first}, the others
     * with {@code rest}.
     */
    static String wrap(String text, int width, String first, String rest) {
        StringBuilder out = new StringBuilder();
        String prefix = first;
        for (String hardLine : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder(prefix);
            int length = prefix.length();
            boolean empty = true;
            for (String word : hardLine.split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                int wordLength = word.codePointCount(0, word.length());
                if (!empty && length + 1 + wordLength > width) {
                    out.append(line).append('\n');
                    line = new StringBuilder(rest);
                    length = rest.length();
                    empty = true;
                }
                if (!empty) {
                    line.append(' ');
                    length++;
                }
                line.append(word);
                length += wordLength;
                empty = false;
            }
            out.append(line).append('\n');
            prefix = rest;
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }
}
