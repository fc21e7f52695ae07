package org.customsbridge.reports;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.HtmlUtils;

/**
 * The report as one self-contained HTML page (inline CSS and SVG, nothing fetched), so that it can
 * be mailed or opened from a file share as it is. Every value from the ledger is HTML-escaped.
 */
final class ReconciliationHtml {

    private static final int BAR_WIDTH = 56;
    private static final int GAP = 54;
    private static final int CHART_HEIGHT = 200;
    private static final Map<String, String> COLOURS = Map.of(
            "CUSTOMS_ACCEPTED", "#2e7d32", "CUSTOMS_REJECTED", "#c62828", "DECLARE_FAILED", "#ef6c00",
            "INVALID", "#6d4c41", "UNKNOWN", "#8e24aa", "ACCEPTED", "#1565c0", "CUSTOMS_PENDING", "#0097a7",
            "DECLARING", "#757575");

    private ReconciliationHtml() {
    }

    static String render(Reconciliation report, String pendingAlertAge) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Reconciliation ")
                .append(report.date()).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:12px 0}")
                .append("th,td{border:1px solid #ccc;padding:4px 10px;text-align:right}th:first-child,td:first-child")
                .append("{text-align:left}th{background:#f2f2f2}.muted{color:#777}\n</style></head><body>\n")
                .append("<h1>Customs declarations ").append(report.date()).append("</h1>\n")
                .append("<p class=\"muted\">Declarations created on ").append(report.date()).append(", generated ")
                .append(report.generatedAt().truncatedTo(ChronoUnit.SECONDS)).append("</p>\n<h2>Statuses</h2>\n");
        chart(html, report.byStatus());
        html.append("<h2>By customs code</h2>\n<table><tr><th>customs code</th><th>declared</th>")
                .append("<th>accepted by Alipay</th><th>customs accepted</th><th>customs rejected</th>")
                .append("<th>still pending</th><th>failed</th><th>invalid</th></tr>\n");
        for (Reconciliation.CustomsCodeRow row : report.byCustomsCode()) {
            html.append("<tr><td>").append(escape(row.customsCode())).append("</td>");
            cells(html, row.declared(), row.acceptedByAlipay(), row.customsAccepted(), row.customsRejected(),
                    row.pending(), row.failed(), row.invalid());
        }
        html.append("<tr><th>total</th>");
        cells(html, report.total(Reconciliation.CustomsCodeRow::declared),
                report.total(Reconciliation.CustomsCodeRow::acceptedByAlipay),
                report.total(Reconciliation.CustomsCodeRow::customsAccepted),
                report.total(Reconciliation.CustomsCodeRow::customsRejected),
                report.total(Reconciliation.CustomsCodeRow::pending),
                report.total(Reconciliation.CustomsCodeRow::failed),
                report.total(Reconciliation.CustomsCodeRow::invalid));
        html.append("</table>\n<h2>Pending longer than ").append(escape(pendingAlertAge)).append("</h2>\n");
        List<Reconciliation.PendingDeclaration> pending = report.pending();
        if (pending.isEmpty()) {
            html.append("<p>None.</p>\n");
        } else {
            html.append("<table><tr><th>declarationRequestId</th><th>paymentId</th><th>gateway</th><th>status</th>")
                    .append("<th>created</th><th>hours</th></tr>\n");
            for (Reconciliation.PendingDeclaration p : pending) {
                html.append("<tr><td>").append(escape(p.declarationRequestId())).append("</td><td>")
                        .append(escape(p.paymentId())).append("</td><td>").append(escape(p.gateway()))
                        .append("</td><td>").append(escape(p.status())).append("</td><td>").append(p.createdAt().truncatedTo(ChronoUnit.SECONDS))
                        .append("</td><td>").append(p.pendingHours()).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        List<Reconciliation.RejectedRecord> rejected = report.rejected();
        html.append("<h2>Records without a valid id</h2>\n");
        if (rejected.isEmpty()) {
            html.append("<p>None.</p>\n");
        } else {
            html.append("<table><tr><th>source</th><th>line</th><th>declarationRequestId</th><th>message</th>")
                    .append("<th>at</th></tr>\n");
            for (Reconciliation.RejectedRecord r : rejected) {
                html.append("<tr><td>").append(escape(r.source())).append("</td><td>").append(r.line())
                        .append("</td><td>").append(escape(r.declarationRequestId())).append("</td><td>")
                        .append(escape(r.message())).append("</td><td>").append(r.at().truncatedTo(ChronoUnit.SECONDS))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    /** A bar per status, scaled to the largest. */
    private static void chart(StringBuilder html, Map<String, Long> byStatus) {
        long max = Math.max(1, byStatus.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int width = byStatus.size() * (BAR_WIDTH + GAP);
        int height = CHART_HEIGHT + 44;
        html.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" role=\"img\" aria-label=\"declarations by status\">\n");
        int x = GAP / 2;
        for (Map.Entry<String, Long> bar : byStatus.entrySet()) {
            int barHeight = (int) Math.round((double) bar.getValue() / max * CHART_HEIGHT);
            int y = 20 + CHART_HEIGHT - barHeight;
            html.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(BAR_WIDTH)
                    .append("\" height=\"").append(barHeight).append("\" fill=\"")
                    .append(COLOURS.getOrDefault(bar.getKey(), "#999")).append("\"/>\n")
                    .append("<text x=\"").append(x + BAR_WIDTH / 2).append("\" y=\"").append(y - 4)
                    .append("\" font-size=\"12\" text-anchor=\"middle\">").append(bar.getValue()).append("</text>\n")
                    .append("<text x=\"").append(x + BAR_WIDTH / 2).append("\" y=\"").append(20 + CHART_HEIGHT + 14)
                    .append("\" font-size=\"9\" text-anchor=\"middle\">").append(escape(bar.getKey()))
                    .append("</text>\n");
            x += BAR_WIDTH + GAP;
        }
        html.append("</svg>\n");
    }

    private static void cells(StringBuilder html, long... values) {
        for (long value : values) {
            html.append("<td>").append(value).append("</td>");
        }
        html.append("</tr>\n");
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
