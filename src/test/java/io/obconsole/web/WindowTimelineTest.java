package io.obconsole.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.window.RestoreWindow;
import io.obconsole.window.RestoreWindowBench;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tenant page's window timeline stays the size of the chart whatever the history: years of
 * backup sets that the chart cannot tell apart share a band that says how many sets it holds.
 */
@QuarkusTest
class WindowTimelineTest {

    @Test
    void fiveThousandSetsAreDrawnAsAtMostOneBandPerPixelThatTogetherHoldEverySet() {
        RestoreWindow window = RestoreWindowBench.longHistory(5_000, 50_000);
        Instant now = window.latest().orElseThrow().toInstant().plusSeconds(60);

        WindowTimeline timeline = WindowTimeline.of(window, now, MessageBundles.get(Messages.class));

        List<WindowTimeline.Band> sets = timeline.lanes().get(0).bands();
        assertThat(sets.size()).as("bands on the sets' lane").isLessThanOrEqualTo(timeline.right() - timeline.left());
        assertThat(sets.stream().mapToInt(WindowTimeline.Band::sets).sum()).isEqualTo(window.usableSets().size());
        assertThat(sets.stream().mapToInt(WindowTimeline.Band::fullSets).sum())
                .isEqualTo((int) window.usableSets().stream().filter(s -> s.full()).count());
        assertThat(sets).anySatisfy(band -> assertThat(band.title()).matches("\\d+ backup sets \\(\\d+ full\\), #\\d+ to #\\d+, "
                + "restorable from 20\\S+ \\S+ UTC to 20\\S+ \\S+ UTC.*"));
    }

    @Test
    void setsThatLieApartKeepABandAndATitleEach() {
        RestoreWindow window = RestoreWindowBench.longHistory(3, 3_000);
        Instant now = window.latest().orElseThrow().toInstant().plusSeconds(60);

        List<WindowTimeline.Band> sets = WindowTimeline.of(window, now, MessageBundles.get(Messages.class)).lanes().get(0)
                .bands();

        assertThat(sets).hasSize(window.usableSets().size()).allSatisfy(band -> {
            assertThat(band.sets()).isEqualTo(1);
            assertThat(band.title()).startsWith("Backup set #");
        });
    }
}
