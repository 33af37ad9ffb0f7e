package io.obconsole.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bytes, durations and ages as the pages print them. */
class FormatsTest {

    @Test
    void bytesUseBinaryUnitsWithOneDecimalBelowHundred() {
        assertThat(Formats.bytes(512)).isEqualTo("512 B");
        assertThat(Formats.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(Formats.bytes(200L * 1024 * 1024)).isEqualTo("200 MiB");
        assertThat(Formats.bytes(3L * 1024 * 1024 * 1024 * 1024)).isEqualTo("3.0 TiB");
    }

    @Test
    void durationsShowAtMostTwoUnitsLargestFirst() {
        assertThat(Formats.human(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(Formats.human(Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
        assertThat(Formats.human(Duration.ofMinutes(185))).isEqualTo("3 h 5 min");
        assertThat(Formats.human(Duration.ofHours(50))).isEqualTo("2 d 2 h");
        assertThat(Formats.ago(Duration.ofHours(3))).isEqualTo("3 h ago");
    }

    @Test
    void freshnessTurnsAmberThenRedPastTheThresholds() {
        Duration amber = Duration.ofDays(1);
        Duration red = Duration.ofDays(2);
        assertThat(Freshness.of(Duration.ofHours(5), amber, red)).isEqualTo(Freshness.FRESH);
        assertThat(Freshness.of(Duration.ofHours(30), amber, red)).isEqualTo(Freshness.AGING);
        assertThat(Freshness.of(Duration.ofDays(3), amber, red)).isEqualTo(Freshness.STALE);
        assertThat(Freshness.of(null, amber, red)).isEqualTo(Freshness.MISSING);
    }

    @Test
    void contentSecurityPolicyAllowsFormsToPostOnlyHereAndToKeycloak() {
        String policy = SecurityHeaders.contentSecurityPolicy(SecurityHeaders.origin("http://localhost:8180/realms/obconsole"));
        assertThat(policy).contains("script-src 'self';").contains("style-src 'self';")
                .contains("frame-ancestors 'none'").endsWith("form-action 'self' http://localhost:8180");
    }
}
