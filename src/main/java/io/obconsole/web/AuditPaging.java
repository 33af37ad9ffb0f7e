package io.obconsole.web;

import io.obconsole.audit.AuditPage;
import io.obconsole.urls.PageUrls;

/**
 * Where one page of the audit trail sits in what the filters match: the records it shows (counted
 * from 1), and links to the pages before and after that keep the filters. Page numbers in links
 * start at 1.
 */
public record AuditPaging(AuditWebFilter filter, AuditPage page) {

    /** Position of the first record shown; 0 when the page shows none. */
    public long first() {
        return page.records().isEmpty() ? 0 : offset() + 1;
    }

    public long last() {
        return offset() + page.records().size();
    }

    public long total() {
        return page.total();
    }

    /** The page before, or null on the first page. */
    public String previous() {
        return page.page() > 0 ? link(Math.min(page.page(), lastPageNumber())) : null;
    }

    /** The page after, or null when this page reaches the last record. */
    public String next() {
        return last() < page.total() && !page.records().isEmpty() ? link(page.page() + 2) : null;
    }

    private long offset() {
        return (long) page.page() * page.size();
    }

    private int lastPageNumber() {
        return (int) Math.max(1, (page.total() + page.size() - 1) / page.size());
    }

    private String link(int number) {
        String query = filter.query();
        return PageUrls.audit() + "?" + (query.isEmpty() ? "" : query + "&") + "page=" + number;
    }
}
