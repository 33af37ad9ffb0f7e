package io.obconsole.demo.launch;

import io.obconsole.demo.DemoFleet;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The console's cluster entries for the demo fleet ({@code console.clusters.demo|legacy|payroll|dr.*}
 * and the generated {@code fleet-NNN}),
 * derived from {@link DemoFleet} and the base port {@code console.embedded.demo.port}, so that the
 * fleet and the entries can never disagree and tests move all three ports with one variable.
 * Only when the embedded services run ({@code console.embedded.enabled}); its ordinal is below
 * {@code application.properties}, so an entry written there wins.
 */
public class DemoFleetConfigSourceFactory implements ConfigSourceFactory {

    private static final int ORDINAL = 200;
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!"true".equals(value(context, "console.embedded.enabled", "false"))) {
            return List.of();
        }
        int base = Integer.parseInt(value(context, "console.embedded.demo.port", "2881"));
        String password = value(context, "console.embedded.demo.password", "demo");
        DemoFleet.Generated generated = new DemoFleet.Generated(
                Integer.parseInt(value(context, "console.embedded.demo.fleet.clusters", "0")),
                Integer.parseInt(value(context, "console.embedded.demo.fleet.tenants", "20")),
                Integer.parseInt(value(context, "console.embedded.demo.fleet.port", "3400")));
        return List.of(new PropertiesConfigSource(consoleEntries(base, password, generated), "demo fleet", ORDINAL));
    }

    /**
     * The console's {@code console.clusters.*} entries for the demo fleet on {@code basePort} and the
     * ports after it, and for the {@code generated} clusters on theirs.
     */
    static Map<String, String> consoleEntries(int basePort, String password, DemoFleet.Generated generated) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (DemoFleet.Member member : generated.members(basePort)) {
            String prefix = "console.clusters." + member.name() + ".";
            entries.put(prefix + "address", "127.0.0.1:" + (basePort + member.portOffset()));
            entries.put(prefix + "user", member.account());
            entries.put(prefix + "password", password);
            entries.put(prefix + "mode", member.mode());
        }
        return entries;
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /** The value for the active profile (e.g. {@code %test.}), then the plain one, with {@code ${VAR:default}} expanded. */
    private static String value(ConfigSourceContext context, String name, String fallback) {
        String raw = null;
        for (String profile : context.getProfiles()) {
            raw = raw(context, "%" + profile + "." + name);
            if (raw != null) {
                break;
            }
        }
        if (raw == null) {
            raw = raw(context, name);
        }
        return raw == null ? fallback : expand(context, raw);
    }

    private static String raw(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }

    private static String expand(ConfigSourceContext context, String raw) {
        Matcher matcher = EXPRESSION.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = raw(context, matcher.group(1));
            if (variable == null) {
                variable = System.getenv(matcher.group(1));
            }
            String replacement = variable != null ? variable : matcher.group(2) == null ? "" : matcher.group(2);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
