package io.obconsole.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.access.Operator;
import io.obconsole.audit.ActionIntent;
import io.obconsole.audit.AuditAction;
import io.obconsole.audit.AuditTrail;
import io.obconsole.testing.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit page over more records than fit on one page: ranges, previous/next links that keep the filters, the CSV. */
@QuarkusTest
class AuditPageTest {

    private static final int RECORDS = 130;
    private static final Pattern RECORD_ID = Pattern.compile("<tr data-audit-id=\"(\\d+)\">");

    @Inject
    AuditTrail trail;

    private String actor;
    private final List<Long> appended = new ArrayList<>();

    /** A script asks to cancel 130 times (newest last), each intent recorded through the real trail. */
    @BeforeEach
    void manyCancelsByOneActor() {
        actor = "pager" + System.nanoTime();
        Operator operator = new Operator(actor, "sub-" + actor, Set.of("backup-operator"), List.of("demo/*"), "127.0.0.1");
        for (int i = 0; i < RECORDS; i++) {
            appended.add(trail.recordIntent(new ActionIntent(operator, AuditAction.CANCEL, "demo", List.of("mysql_tenant"),
                    Map.of(), null)));
        }
    }

    private static List<Long> recordIds(String page) {
        List<Long> ids = new ArrayList<>();
        Matcher m = RECORD_ID.matcher(page);
        while (m.find()) {
            ids.add(Long.valueOf(m.group(1)));
        }
        return ids;
    }

    /** The href of a link on the page, as the browser would follow it. */
    private static String href(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*? href=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("link #%s on the page", id).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    @Test
    void pageTwoShowsTheRestAndTheLinksKeepTheFilters() {
        WebSession vera = WebSession.signIn("vera");
        List<Long> newestFirst = new ArrayList<>(appended);
        Collections.reverse(newestFirst);

        String first = vera.open("/audit?actor=" + actor + "&action=CANCEL&tenant=mysql_tenant").asString();

        assertThat(first).contains("Records 1–100 of 130").doesNotContain("id=\"previous-page\"");
        assertThat(recordIds(first)).isEqualTo(newestFirst.subList(0, 100));
        String next = href(first, "next-page");
        assertThat(next).isEqualTo("/audit?actor=" + actor + "&tenant=mysql_tenant&action=CANCEL&page=2");

        String second = vera.open(next).asString();

        assertThat(second).contains("Records 101–130 of 130").doesNotContain("id=\"next-page\"")
                .contains("value=\"" + actor + "\"");
        assertThat(recordIds(second)).isEqualTo(newestFirst.subList(100, 130));
        assertThat(recordIds(vera.open(href(second, "previous-page")).asString())).isEqualTo(newestFirst.subList(0, 100));
    }

    @Test
    void theCsvExportHoldsEveryMatchingRecordNotJustOnePage() {
        WebSession vera = WebSession.signIn("vera");
        String page = vera.open("/audit?actor=" + actor).asString();

        Response csv = vera.download(href(page, "csv-export"));

        assertThat(csv.statusCode()).isEqualTo(200);
        List<Long> ids = Arrays.stream(csv.asString().split("\r\n")).skip(1).filter(row -> !row.isEmpty())
                .map(row -> Long.valueOf(row.substring(0, row.indexOf(',')))).toList();
        assertThat(ids).hasSize(RECORDS).containsExactlyInAnyOrderElementsOf(appended);
    }
}
