package dev.lockstep.review;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.notebook.Cell;
import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.runtime.record.RunRecord;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.owasp.encoder.Encode;

/**
 * {@code lockstep review --html FILE}: one self-contained page. No network and no external asset:
 * styles and the one small script are inline, and a Content-Security-Policy allows nothing else
 * (the script by its hash), so notebook text -- untrusted, and always escaped -- cannot run code
 * even if an escape were missed.
 */
public final class HtmlReviewReport {

    /** Sorts the folder summary table by the clicked column (numbers numerically). */
    static final String SCRIPT = "document.querySelectorAll('table.sortable th').forEach(function (th, col) {\n"
            + "  th.addEventListener('click', function () {\n"
            + "    var table = th.closest('table'), body = table.tBodies[0];\n"
            + "    var rows = Array.prototype.slice.call(body.rows);\n"
            + "    var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;\n"
            + "    table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });\n"
            + "    th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');\n"
            + "    rows.sort(function (a, b) {\n"
            + "      var x = a.cells[col].getAttribute('data-sort'), y = b.cells[col].getAttribute('data-sort');\n"
            + "      var nx = Number(x), ny = Number(y);\n"
            + "      if (x !== '' && y !== '' && !isNaN(nx) && !isNaN(ny)) { return (nx - ny) * dir; }\n"
            + "      return (x < y ? -1 : x > y ? 1 : 0) * dir;\n"
            + "    });\n"
            + "    rows.forEach(function (r) { body.appendChild(r); });\n"
            + "  });\n"
            + "});\n";

    private static final String STYLE = String.join("\n",
            ":root{--pass:#1a7f37;--fail:#c62828;--na:#6e7781;--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--bg:#f6f8fa}",
            "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--ink);margin:0 auto;max-width:1100px;padding:16px 24px}",
            "h1{font-size:22px;margin:4px 0}h2{font-size:19px;margin:28px 0 6px;border-bottom:1px solid var(--line);padding-bottom:4px}",
            "h3{font-size:16px;margin:18px 0 4px}h4{font-size:14px;margin:14px 0 4px}",
            "code,pre{font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}",
            ".subject{color:var(--muted);word-break:break-all}",
            ".verdict{display:inline-block;font-weight:700;font-size:20px;padding:8px 16px;border-radius:6px;color:#fff;margin:8px 0}",
            ".verdict.pass{background:var(--pass)}.verdict.fail{background:var(--fail)}",
            ".status{display:inline-block;min-width:6.5em;text-align:center;font-weight:600;border-radius:4px;padding:1px 6px;color:#fff;font-size:12px}",
            ".status.pass{background:var(--pass)}.status.fail{background:var(--fail)}.status.not-applicable{background:var(--na)}",
            "table{border-collapse:collapse;margin:6px 0 12px;width:100%}th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}",
            "#summary td:first-child{word-break:break-all}#summary td,#summary th{padding:3px 6px}",
            "th{background:var(--bg)}table.sortable th{cursor:pointer}table.sortable th[aria-sort=ascending]::after{content:' \\25B2'}",
            "table.sortable th[aria-sort=descending]::after{content:' \\25BC'}td.num{text-align:right}",
            "td.s-pass{color:var(--pass);font-weight:700}td.s-fail{color:var(--fail);font-weight:700}td.s-not-applicable{color:var(--na)}",
            "ul.evidence{margin:4px 0;padding-left:20px}ul.evidence li{margin:3px 0}li.decides{color:var(--fail)}li.decides::marker{content:'\\2716  '}",
            "li.fact::marker{content:'\\2022  '}.file{color:var(--muted)}",
            ".finding{border:1px solid var(--line);border-left:4px solid var(--na);border-radius:4px;margin:6px 0;padding:4px 8px;background:#fff;color:var(--ink)}",
            ".finding.error{border-left-color:var(--fail)}.finding.warning{border-left-color:#bf8700}.finding.info{border-left-color:#0969da}",
            ".finding .head{font-weight:600}.finding pre{background:var(--bg);margin:4px 0;padding:4px 0;overflow-x:auto}",
            "pre .ln{display:inline-block;width:3.5em;color:var(--muted);text-align:right;padding-right:8px;user-select:none}",
            "mark{background:#ffd8b5;color:inherit;border-bottom:2px solid var(--fail)}",
            ".note{background:#fff8c5;border:1px solid #d4a72c;padding:4px 8px;border-radius:4px;margin:4px 0}",
            "svg.graph{border:1px solid var(--line);background:#fff;max-width:100%;height:auto}",
            "svg .node rect{fill:#ddf4ff;stroke:#54aeff}svg .node.dropped rect{fill:#eaeef2;stroke:#afb8c1}svg .node.dropped text{fill:#8c959f}",
            "svg .node.blocked rect{stroke:var(--fail);stroke-width:2}svg text{font:11px ui-monospace,Menlo,Consolas,monospace;fill:#1f2328}",
            "svg .count{fill:#57606a}svg .edge{fill:none;stroke:#8c959f;stroke-width:1.2}svg .edge.late{stroke:var(--fail);stroke-width:1.6}",
            "svg .edge.import{stroke:#c4cbd2;stroke-width:.8;stroke-opacity:.6}",
            "svg .blocker{fill:var(--fail)}svg text.blocker-mark{fill:#fff;font-weight:700}svg .nfind{fill:#bf8700}",
            ".legend span{margin-right:14px}.swatch{display:inline-block;width:14px;height:10px;border:1px solid #54aeff;background:#ddf4ff;vertical-align:middle;margin-right:4px}",
            ".swatch.dropped{background:#eaeef2;border-color:#afb8c1}.swatch.blocked{border:2px solid var(--fail)}",
            ".swatch.edge{height:0;border:0;border-top:2px solid #8c959f;background:none}.swatch.late{border-top-color:var(--fail)}",
            ".swatch.import{border-top:1px solid #c4cbd2}",
            "footer{color:var(--muted);margin:32px 0 8px;font-size:12px}");

    private static final int MAX_EXCERPT_LINES = 12;

    private final Path htmlDirectory;

    /** @param htmlDirectory where the page will be written (file links are relative to it), or null for no links */
    public HtmlReviewReport(Path htmlDirectory) {
        this.htmlDirectory = htmlDirectory == null ? null : htmlDirectory.toAbsolutePath().normalize();
    }

    public String render(ReviewSet set) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                + "script-src '").append(scriptHash()).append("'; img-src data:\">\n");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.append("<title>Lockstep review: ").append(html(set.path())).append("</title>\n");
        h.append("<style>\n").append(STYLE).append("\n</style>\n</head>\n<body>\n");
        h.append("<header>\n<h1>Lockstep review</h1>\n<p class=\"subject\">").append(html(set.path()));
        if (set.folder()) {
            h.append(" &middot; folder of ").append(set.reviews().size()).append(" notebooks");
        }
        h.append("</p>\n<div id=\"verdict\" class=\"verdict ").append(set.verdict().id()).append("\">")
                .append(set.verdict().headline()).append("</div>\n");
        if (set.folder()) {
            long passed = set.reviews().stream().filter(r -> r.verdict() == Verdict.PASS).count();
            h.append("<p>").append(passed).append(" of ").append(set.reviews().size())
                    .append(" notebooks meet every applicable item of the reproducibility contract.</p>\n");
        }
        h.append("</header>\n");
        if (set.folder()) {
            summaryTable(h, set);
        }
        for (int k = 0; k < set.reviews().size(); k++) {
            review(h, set.reviews().get(k), "r" + k, !set.folder());
        }
        h.append("<footer>Generated by lockstep ").append(html(dev.lockstep.analyzer.LockstepVersion.get()))
                .append(". The contract's items and how each is decided: docs/review.md.</footer>\n");
        h.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    /** The CSP source expression that allows exactly {@link #SCRIPT}. */
    static String scriptHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("\n" + SCRIPT).getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void summaryTable(StringBuilder h, ReviewSet set) {
        h.append("<h2 id=\"summary-heading\">Summary</h2>\n<table id=\"summary\" class=\"sortable\">\n<thead><tr>"
                + "<th>notebook</th><th>verdict</th><th>fail</th><th>pass</th><th>findings</th>");
        for (ContractItem item : ContractItem.values()) {
            h.append("<th title=\"").append(attr(item.text())).append("\">").append(item.number()).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (int k = 0; k < set.reviews().size(); k++) {
            Review r = set.reviews().get(k);
            String shown = r.path().startsWith(set.path() + "/") ? r.path().substring(set.path().length() + 1) : r.path();
            h.append("<tr><td data-sort=\"").append(attr(shown)).append("\"><a href=\"#r").append(k).append("\" title=\"")
                    .append(attr(r.path())).append("\">").append(html(shown)).append("</a></td>");
            h.append("<td data-sort=\"").append(r.verdict().id()).append("\" class=\"s-").append(r.verdict().id())
                    .append("\">").append(r.failed() ? "error" : r.verdict().id()).append("</td>");
            h.append("<td class=\"num\" data-sort=\"").append(r.count(ItemStatus.FAIL)).append("\">")
                    .append(r.count(ItemStatus.FAIL)).append("</td>");
            h.append("<td class=\"num\" data-sort=\"").append(r.count(ItemStatus.PASS)).append("\">")
                    .append(r.count(ItemStatus.PASS)).append("</td>");
            h.append("<td class=\"num\" data-sort=\"").append(r.findings().size()).append("\">")
                    .append(r.findings().size()).append("</td>");
            for (ContractItem item : ContractItem.values()) {
                ItemResult result = r.items().stream().filter(i -> i.item() == item).findFirst().orElse(null);
                String id = result == null ? "" : result.status().id();
                h.append("<td data-sort=\"").append(id).append("\" class=\"s-").append(id).append("\">")
                        .append(result == null ? "&ndash;" : symbol(result.status())).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n<p class=\"legend\"><span>&#10004; pass</span><span>&#10006; fail</span>"
                + "<span>&ndash; not applicable</span> Click a column heading to sort.</p>\n");
    }

    private static String symbol(ItemStatus status) {
        return switch (status) {
            case PASS -> "&#10004;";
            case FAIL -> "&#10006;";
            case NOT_APPLICABLE -> "&ndash;";
        };
    }

    private void review(StringBuilder h, Review r, String id, boolean single) {
        h.append("<section class=\"review\" id=\"").append(id).append("\">\n");
        h.append("<h2>").append(html(r.path())).append(" <span class=\"status ").append(r.verdict().id()).append("\">")
                .append(r.verdict().id()).append("</span></h2>\n");
        h.append("<p class=\"subject\">").append(r.kind().id());
        if (r.sha256() != null) {
            h.append(" &middot; ").append(r.kind() == Review.Kind.JOB ? "job hash " : "sha256 ")
                    .append("<code>").append(html(r.sha256())).append("</code>");
        }
        if (r.kind() == Review.Kind.JOB && r.notebookPath() != null) {
            h.append(" &middot; notebook ").append(html(r.notebookPath()));
        }
        h.append("</p>\n");
        if (r.failed()) {
            h.append("<p class=\"note\">Cannot be reviewed: ").append(html(r.error())).append("</p>\n</section>\n");
            return;
        }
        for (String note : r.notes()) {
            h.append("<p class=\"note\">").append(html(note)).append("</p>\n");
        }
        long applicable = r.items().size() - r.count(ItemStatus.NOT_APPLICABLE);
        h.append("<p>").append(r.count(ItemStatus.PASS)).append(" of ").append(applicable)
                .append(" applicable items pass; ").append(r.count(ItemStatus.FAIL)).append(" fail; ")
                .append(r.count(ItemStatus.NOT_APPLICABLE)).append(" not applicable.</p>\n");
        h.append("<table class=\"checklist\"").append(single ? " id=\"checklist\"" : "")
                .append(">\n<thead><tr><th>#</th><th>contract item</th><th>status</th><th>why</th></tr></thead>\n<tbody>\n");
        for (ItemResult item : r.items()) {
            h.append("<tr><td>").append(item.item().number()).append("</td><td><a href=\"#").append(id).append("-item")
                    .append(item.item().number()).append("\">").append(html(item.item().title())).append("</a></td><td>")
                    .append("<span class=\"status ").append(item.status().id()).append("\">").append(item.status().label())
                    .append("</span></td><td>").append(html(item.summary())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");

        h.append("<h3>Evidence and findings by contract item</h3>\n");
        Set<Integer> shown = new TreeSet<>();
        for (ItemResult item : r.items()) {
            h.append("<div class=\"item\" id=\"").append(id).append("-item").append(item.item().number()).append("\">\n<h4>")
                    .append(item.item().number()).append(". ").append(html(item.item().title()))
                    .append(" <span class=\"status ").append(item.status().id()).append("\">").append(item.status().label())
                    .append("</span></h4>\n<p><em>").append(html(item.item().text())).append("</em></p>\n");
            if (item.evidence().isEmpty()) {
                h.append("<p>").append(html(item.summary())).append("</p>\n");
            }
            h.append("<ul class=\"evidence\">\n");
            for (Evidence e : item.evidence()) {
                h.append("<li class=\"").append(e.decides() ? "decides" : "fact").append("\">");
                if (e.finding() >= 0) {
                    shown.add(e.finding());
                    finding(h, r, e.finding(), id, e.decides());
                } else {
                    h.append(html(e.text()));
                    if (e.file() != null) {
                        h.append(" <span class=\"file\">[").append(fileLink(r, e.file())).append("]</span>");
                    }
                }
                h.append("</li>\n");
            }
            h.append("</ul>\n</div>\n");
        }
        if (shown.size() < r.findings().size()) {
            h.append("<h4>Other findings</h4>\n<ul class=\"evidence\">\n");
            for (int i = 0; i < r.findings().size(); i++) {
                if (!shown.contains(i)) {
                    h.append("<li class=\"fact\">");
                    finding(h, r, i, id, false);
                    h.append("</li>\n");
                }
            }
            h.append("</ul>\n");
        }
        inventory(h, r);
        runs(h, r);
        graph(h, r, id);
        h.append("</section>\n");
    }

    private void finding(StringBuilder h, Review r, int index, String id, boolean decides) {
        Finding f = r.findings().get(index);
        String severity = f.severity().name().toLowerCase(Locale.ROOT);
        h.append("<div class=\"finding ").append(severity).append("\" id=\"").append(id).append("-f").append(index)
                .append("\"><div class=\"head\">").append(f.location().cell() == 0 ? "notebook"
                        : "cell " + f.location().cell() + ":" + f.location().line() + ":" + f.location().column())
                .append(" &middot; ").append(html(f.ruleId())).append(' ').append(severity).append(' ')
                .append(html(f.ruleName())).append(decides ? "" : r.kind() == Review.Kind.JOB
                        ? " <span class=\"file\">(extract resolves this in the job)</span>"
                        : " <span class=\"file\">(context: does not decide the item)</span>")
                .append("</div><div>").append(html(f.message())).append("</div>");
        excerpt(h, r.notebook(), f);
        h.append("</div>");
    }

    /** The cell's lines around the finding, the finding's range marked. */
    private static void excerpt(StringBuilder h, AnalyzedNotebook notebook, Finding f) {
        int cellNumber = f.location().cell();
        if (notebook == null || cellNumber <= 0 || cellNumber > notebook.cells().size()) {
            return;
        }
        Cell cell = notebook.cells().get(cellNumber - 1).cell();
        String[] lines = cell.source().split("\r\n|\r|\n", -1);
        int first = Math.max(1, f.location().line() - 2);
        int last = Math.min(lines.length, Math.max(f.location().endLine(), f.location().line()) + 2);
        last = Math.min(last, first + MAX_EXCERPT_LINES - 1);
        if (first > lines.length) {
            return;
        }
        h.append("<pre class=\"code\">");
        for (int n = first; n <= last; n++) {
            String text = lines[n - 1];
            h.append("<span class=\"ln\">").append(n).append("</span>");
            int from = n == f.location().line() ? f.location().column() : 1;
            int to = n == f.location().endLine() ? f.location().endColumn() : Integer.MAX_VALUE;
            boolean inRange = n >= f.location().line() && n <= f.location().endLine();
            if (!inRange) {
                h.append(html(text));
            } else {
                int length = text.codePointCount(0, text.length());
                int a = Math.min(Math.max(from - 1, 0), length);
                int b = Math.min(Math.max(to - 1, a), length);
                if (n == f.location().line() && n == f.location().endLine() && b == a && a < length) {
                    b = a + 1; // an empty range still points somewhere
                }
                int ia = text.offsetByCodePoints(0, a);
                int ib = text.offsetByCodePoints(0, b);
                h.append(html(text.substring(0, ia))).append("<mark>").append(html(text.substring(ia, ib)))
                        .append("</mark>").append(html(text.substring(ib)));
            }
            h.append('\n');
        }
        h.append("</pre>");
    }

    private void inventory(StringBuilder h, Review r) {
        Inventory inv = r.inventory();
        h.append("<h3>Inventory</h3>\n");
        h.append("<h4>Parameters</h4>\n");
        if (inv.params().isEmpty()) {
            h.append("<p>none</p>\n");
        } else {
            h.append("<table class=\"inventory params\"><thead><tr><th>name</th><th>type</th><th>value</th><th>cell</th>"
                    + "<th>as written</th></tr></thead><tbody>\n");
            for (ExtractionRecord.Param p : inv.params()) {
                h.append("<tr><td><code>").append(html(p.name())).append("</code></td><td>").append(html(p.type()))
                        .append("</td><td><code>").append(html(p.value())).append("</code></td><td>").append(p.cell())
                        .append(p.line() > 0 ? ":" + p.line() : "").append("</td><td><code>").append(html(p.source()))
                        .append("</code></td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("<h4>Inputs</h4>\n");
        if (inv.inputs().isEmpty()) {
            h.append("<p>none</p>\n");
        } else {
            h.append("<table class=\"inventory inputs\"><thead><tr><th>name</th><th>path</th><th>sha256</th><th>as written"
                    + "</th><th>cell</th></tr></thead><tbody>\n");
            for (ExtractionRecord.Input i : inv.inputs()) {
                h.append("<tr><td><code>").append(html(i.name())).append("</code></td><td><code>").append(html(i.path()))
                        .append("</code></td><td>").append(i.sha256() == null ? "<strong>unbound</strong>"
                                : "<code>" + html(i.sha256()) + "</code>")
                        .append("</td><td><code>").append(html(i.original())).append("</code>")
                        .append(i.remote() ? " (remote)" : "").append("</td><td>").append(i.cell()).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("<h4>Outputs</h4>\n");
        if (inv.outputs().isEmpty()) {
            h.append("<p>none</p>\n");
        } else {
            h.append("<table class=\"inventory outputs\"><thead><tr><th>name</th><th>path</th><th>compare</th><th>as written"
                    + "</th><th>cell</th></tr></thead><tbody>\n");
            for (ExtractionRecord.Output o : inv.outputs()) {
                h.append("<tr><td><code>").append(html(o.name())).append("</code></td><td><code>").append(html(o.path()))
                        .append("</code></td><td>").append(html(o.compare())).append("</td><td><code>")
                        .append(html(o.original())).append("</code></td><td>").append(o.cell()).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("<h4>Hub ids</h4>\n");
        if (inv.hubIds().isEmpty()) {
            h.append("<p>none found</p>\n");
        } else {
            h.append("<table class=\"inventory hub\"><thead><tr><th>id</th><th>kind</th><th>revision</th><th>cell</th>"
                    + "</tr></thead><tbody>\n");
            for (Inventory.HubId hub : inv.hubIds()) {
                h.append("<tr><td><code>").append(html(hub.id())).append("</code></td><td>").append(html(hub.kind()))
                        .append("</td><td>").append(hub.revision() == null ? "<strong>unpinned</strong>"
                                : "<code>" + html(hub.revision()) + "</code>")
                        .append("</td><td>").append(hub.cell() == 0 ? "" : String.valueOf(hub.cell())).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("<h4>Packages</h4>\n");
        if (inv.packages().isEmpty()) {
            h.append("<p>none (standard library only)</p>\n");
        } else {
            h.append("<table class=\"inventory packages\"><thead><tr><th>distribution</th><th>version</th><th>import</th>"
                    + "</tr></thead><tbody>\n");
            for (ExtractionRecord.Requirement p : inv.packages()) {
                h.append("<tr><td>").append(html(p.distribution())).append("</td><td>")
                        .append(p.version() == null ? "<strong>unpinned</strong>" : "<code>" + html(p.version()) + "</code>")
                        .append("</td><td>").append(p.importName() == null ? "" : "<code>" + html(p.importName()) + "</code>")
                        .append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
    }

    private void runs(StringBuilder h, Review r) {
        if (r.job() == null || !r.job().written()) {
            return;
        }
        h.append("<h3>Runs</h3>\n");
        if (r.job().runs().isEmpty()) {
            h.append("<p>none recorded</p>\n");
            return;
        }
        h.append("<table class=\"runs\"><thead><tr><th>run</th><th>status</th><th>job version</th><th>outputs</th></tr>"
                + "</thead><tbody>\n");
        for (JobView.RunEvidence run : r.job().runs()) {
            h.append("<tr><td>").append(fileLink(r, "runs/" + run.runId() + "/record.json").replace(">runs/", ">"))
                    .append("</td>");
            if (run.run() == null) {
                h.append("<td colspan=\"3\">").append(html(run.problem())).append("</td></tr>\n");
                continue;
            }
            RunRecord record = run.run().record();
            h.append("<td>").append(record.status() == RunRecord.Status.SUCCEEDED ? "succeeded" : "failed").append("</td><td>")
                    .append(r.job().jobHash() != null && record.job() != null
                            && r.job().jobHash().equals(record.job().sha256()) ? "current" : "earlier")
                    .append("</td><td>");
            List<String> outputs = new ArrayList<>();
            if (record.outputs() != null) {
                record.outputs().forEach((name, out) -> outputs.add(html(name) + " "
                        + (out.sha256() == null ? "missing" : "<code>" + html(out.sha256().substring(0, Math.min(12,
                                out.sha256().length()))) + "</code>")));
            }
            h.append(String.join(", ", outputs)).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static final int ROW = 24;
    private static final int TOP = 16;
    private static final int NODE_X = 64;
    private static final int NODE_W = 380;
    private static final int NODE_H = 18;

    private static void graph(StringBuilder h, Review r, String id) {
        h.append("<h3>Cell graph</h3>\n");
        CellGraph graph = r.graph();
        if (graph == null) {
            h.append("<p>No notebook to draw.</p>\n");
            return;
        }
        int n = graph.nodes().size();
        java.util.Map<Integer, Integer> row = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            row.put(graph.nodes().get(i).cell(), i);
        }
        int right = NODE_X + NODE_W;
        int maxBulge = 20;
        for (CellGraph.Edge e : graph.edges()) {
            maxBulge = Math.max(maxBulge, bulge(row.get(e.from()), row.get(e.to())));
        }
        int width = right + maxBulge + 24;
        int height = TOP * 2 + Math.max(n, 1) * ROW;
        h.append("<p class=\"legend\"><span><i class=\"swatch\"></i>kept by extract</span><span><i class=\"swatch dropped\">"
                + "</i>left out by extract</span><span><i class=\"swatch blocked\"></i>blocker</span><span><i class=\"swatch "
                + "edge\"></i>def&rarr;use</span><span><i class=\"swatch edge import\"></i>an import used</span>"
                + "<span><i class=\"swatch edge late\"></i>works only out of order</span>"
                + "<span>[n] execution count</span></p>\n");
        h.append("<svg class=\"graph\" id=\"").append(id).append("-graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"").append(n)
                .append(" code cells and their def-use edges\">\n");
        h.append("<defs><marker id=\"").append(id).append("-a\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#8c959f\"/></marker><marker id=\"")
                .append(id).append("-b\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" markerWidth=\"7\" markerHeight=\"7\" "
                        + "orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#c62828\"/></marker></defs>\n");
        for (CellGraph.Edge e : graph.edges()) {
            int a = row.get(e.from());
            int b = row.get(e.to());
            int ya = y(a);
            int yb = y(b);
            int x = right + bulge(a, b);
            h.append("<path class=\"edge").append(e.outOfOrder() ? " late" : e.importsOnly() ? " import" : "")
                    .append("\" d=\"M").append(right).append(',')
                    .append(ya).append(" C").append(x).append(',').append(ya).append(' ').append(x).append(',').append(yb)
                    .append(' ').append(right + 2).append(',').append(yb).append("\" marker-end=\"url(#").append(id)
                    .append(e.outOfOrder() ? "-b" : "-a").append(")\"><title>cell ").append(e.from()).append(" \u2192 cell ")
                    .append(e.to()).append(": ").append(html(String.join(", ", e.names())))
                    .append(e.outOfOrder() ? " (defined below its use: works only out of order)" : "")
                    .append("</title></path>\n");
        }
        for (int i = 0; i < n; i++) {
            CellGraph.Node node = graph.nodes().get(i);
            int top = TOP + i * ROW;
            h.append("<g class=\"node").append(node.kept() ? "" : " dropped").append(node.blocked() ? " blocked" : "")
                    .append("\"><title>cell ").append(node.cell())
                    .append(node.executionCount() == null ? ", never run" : ", execution count " + node.executionCount())
                    .append(node.kept() ? "" : ", left out by extract").append(node.blocked() ? ", has a blocker" : "")
                    .append(node.findings() > 0 ? ", " + node.findings() + " finding(s)" : "").append("</title>");
            h.append("<text class=\"count\" x=\"").append(NODE_X - 6).append("\" y=\"").append(top + 13)
                    .append("\" text-anchor=\"end\">[").append(node.executionCount() == null ? " " : node.executionCount())
                    .append("]</text>");
            h.append("<rect x=\"").append(NODE_X).append("\" y=\"").append(top).append("\" width=\"").append(NODE_W)
                    .append("\" height=\"").append(NODE_H).append("\" rx=\"3\"/>");
            String label = "cell " + node.cell() + "  " + node.firstLine();
            h.append("<text x=\"").append(NODE_X + 6).append("\" y=\"").append(top + 13).append("\">")
                    .append(html(clip(label, 52))).append("</text>");
            if (node.blocked()) {
                // drawn, not a glyph: no font on the reader's machine is needed
                h.append("<circle class=\"blocker\" cx=\"").append(NODE_X - 44).append("\" cy=\"").append(top + 9)
                        .append("\" r=\"7\"/><text class=\"blocker-mark\" x=\"").append(NODE_X - 44).append("\" y=\"")
                        .append(top + 13).append("\" text-anchor=\"middle\">!</text>");
            }
            if (node.findings() > 0) {
                h.append("<text class=\"nfind\" x=\"").append(right - 6).append("\" y=\"").append(top + 13)
                        .append("\" text-anchor=\"end\">").append(node.findings()).append("!</text>");
            }
            h.append("</g>\n");
        }
        h.append("</svg>\n");
    }

    private static int y(int row) {
        return TOP + row * ROW + NODE_H / 2;
    }

    private static int bulge(int a, int b) {
        return 14 + Math.min(240, 5 * Math.abs(a - b));
    }

    private static String clip(String text, int codePoints) {
        if (text.codePointCount(0, text.length()) <= codePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, codePoints - 1)) + "\u2026";
    }

    private String fileLink(Review r, String file) {
        if (htmlDirectory != null && r.kind() == Review.Kind.JOB) {
            Path target = Path.of(r.path()).resolve(file).toAbsolutePath().normalize();
            if (!Files.exists(target)) {
                target = Path.of(file).toAbsolutePath().normalize();
            }
            if (Files.exists(target)) {
                try {
                    String relative = htmlDirectory.relativize(target).toString().replace('\\', '/');
                    String href = new URI(null, null, relative, null).getRawPath();
                    return "<a href=\"" + attr(href) + "\">" + html(file) + "</a>";
                } catch (URISyntaxException | IllegalArgumentException e) {
                    return html(file);
                }
            }
        }
        return html(file);
    }

    static String html(String text) {
        return Encode.forHtml(text == null ? "" : text);
    }

    static String attr(String text) {
        return Encode.forHtmlAttribute(text == null ? "" : text);
    }
}
