package io.obconsole.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.testing.Demo;
import io.obconsole.testing.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Jobs page's status filter speaks the words its rows use (issue 24, point 7's leftover). */
@QuarkusTest
class JobsPageTest {

    private static final Pattern STATUS_OPTION = Pattern.compile("<option value=\"([A-Z]*)\"( selected)?>([^<]*)</option>");

    @BeforeEach
    void demoRead() {
        Demo.fleetRead();
    }

    @Test
    void theStatusFilterOffersTheWordsTheRowsShowWhileSendingOceanBasesStatus() {
        String page = WebSession.signIn("vera").open("/jobs").asString();

        assertThat(statusOptions(page)).containsExactly("=any", "RUNNING=Running", "COMPLETED=Completed",
                "FAILED=Failed", "CANCELED=Cancelled");
    }

    @Test
    void aChosenStatusReadsInTheFilterAsInEveryRowItKeeps() {
        String page = WebSession.signIn("vera").open("/jobs?status=COMPLETED").asString();

        assertThat(statusOptions(page)).contains("COMPLETED=Completed (selected)");
        assertThat(historyStatusWords(page)).isNotEmpty().containsOnly("Completed");
    }

    /** The status filter's options as {@code value=text}, the chosen one marked. */
    private static List<String> statusOptions(String page) {
        Matcher select = Pattern.compile("(?s)<select id=\"f-status\" name=\"status\">(.*?)</select>").matcher(page);
        assertThat(select.find()).as("the status filter").isTrue();
        Matcher option = STATUS_OPTION.matcher(select.group(1));
        List<String> options = new ArrayList<>();
        while (option.find()) {
            options.add(option.group(1) + "=" + option.group(3) + (option.group(2) == null ? "" : " (selected)"));
        }
        return options;
    }

    /** The word each job history row's Status cell shows. */
    private static List<String> historyStatusWords(String page) {
        Matcher table = Pattern.compile("(?s)<table class=\"jobs\" id=\"job-history\">(.*?)</table>").matcher(page);
        assertThat(table.find()).as("the job history").isTrue();
        Matcher status = Pattern.compile("<span class=\"status [^\"]*\">([^<]*)</span>").matcher(table.group(1));
        List<String> words = new ArrayList<>();
        while (status.find()) {
            words.add(status.group(1));
        }
        return words;
    }
}
