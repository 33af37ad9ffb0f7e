package io.obconsole.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A typed receiver address shown back after a refused form: host and path as typed, credentials and tokens never. */
class ChannelUrlTest {

    @Test
    void hostAndPathComeBackAsTyped() {
        assertThat(Channel.shownUrl("https://hooks.example.com/h4/refused")).isEqualTo("https://hooks.example.com/h4/refused");
        assertThat(Channel.shownUrl("hooks.example.com/no-scheme")).isEqualTo("hooks.example.com/no-scheme");
        assertThat(Channel.shownUrl(null)).isEmpty();
    }

    @Test
    void queryValuesAreMaskedAsEverywhereAndCredentialsAndFragmentsGo() {
        assertThat(Channel.shownUrl("https://robot.example.com/send?access_token=tok-1&x=2"))
                .isEqualTo("https://robot.example.com/send?access_token=***&x=***");
        assertThat(Channel.shownUrl("https://user:pw@hooks.example.com/p")).isEqualTo("https://hooks.example.com/p");
        assertThat(Channel.shownUrl("user:pw@hooks.example.com/p?t=s#frag")).isEqualTo("hooks.example.com/p?t=***");
        // an address shown masked is shown the same again, so a stored channel's URL left as shown keeps it
        String shown = new Channel(1, "c", ChannelFormat.DINGTALK, "https://robot.example.com/send?access_token=tok-1", null,
                "*", "*", java.util.Set.of(), true, "ada", null).displayUrl();
        assertThat(Channel.shownUrl(shown)).isEqualTo(shown);
    }
}
