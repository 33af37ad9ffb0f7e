package io.obconsole.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Page addresses are spelled once, in {@code urls/PageUrls} (issue 20, point 4): templates link and
 * post through its {@code url:} namespace and redirects build on it, so no template and no Java
 * source of the console spells a page path of its own. Static assets are files, not pages.
 */
class PageAddressesTest {

    private static final Pattern TEMPLATE_ADDRESS = Pattern.compile("(?:href|action)=\"(/[^\"]*)\"");
    private static final Pattern JAVA_ADDRESS = Pattern.compile(
            "URI\\.create\\(\"/|\"/(?:clusters|jobs|restores|drills|backups|alerts|audit)[/?\"]");

    @Test
    void templatesLinkAndPostOnlyThroughTheUrlNamespace() throws IOException {
        List<String> spelled = matches(Path.of("src/main/resources/templates"), ".html", TEMPLATE_ADDRESS).stream()
                .filter(found -> !found.contains("\"/assets/")).toList();

        assertThat(spelled).isEmpty();
    }

    @Test
    void redirectsAndLinksInJavaBuildOnPageUrls() throws IOException {
        List<String> spelled = matches(Path.of("src/main/java/io/obconsole"), ".java", JAVA_ADDRESS).stream()
                .filter(found -> !found.startsWith("urls/") && !found.startsWith("demo/"))
                // @Path annotations name the resources' own routes, which is where they belong
                .filter(found -> !found.contains("@Path(")).toList();

        assertThat(spelled).isEmpty();
    }

    private static List<String> matches(Path root, String suffix, Pattern pattern) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(suffix)).flatMap(file -> {
                try {
                    String relative = root.relativize(file).toString();
                    return Files.readAllLines(file).stream().filter(line -> pattern.matcher(line).find())
                            .map(line -> relative + ": " + line.trim());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }
}
