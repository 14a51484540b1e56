package org.tongpos.app.reports.domain;

import java.util.List;

/** A report section as text, the same for the CLI, CSV, PDF and the printed summary: a title, headers and rows. */
public record ReportTable(String title, List<String> headers, List<List<String>> rows) {

    public ReportTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("row " + row + " does not have " + headers.size() + " cells");
            }
        }
    }
}
