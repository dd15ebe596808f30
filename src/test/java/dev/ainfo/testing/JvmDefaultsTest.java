package dev.ainfo.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every start path applies payara-config/jvm.options and jvm.env: the scripts, the Maven plugin, the tests. */
class JvmDefaultsTest {

    @Test
    void theFileHoldsOneOptionPerLine() {
        List<String> options = JvmDefaults.options();
        assertFalse(options.isEmpty());
        options.forEach(option -> assertTrue(option.startsWith("-") && !option.contains(" "), option));
        assertTrue(options.stream().anyMatch(o -> o.startsWith("-Xmx")), "a heap limit: " + options);
        assertTrue(JvmDefaults.environment().containsKey("MALLOC_ARENA_MAX"));
    }

    @Test
    void theJavaScriptAppliesTheFileAndLetsLaterOptionsWin() throws Exception {
        String flags = run(Map.of("AINFO_JAVA_HOME", System.getProperty("java.home")),
                "payara-config/java", "-XX:+PrintFlagsFinal", "-version");
        assertEquals(bytes(option("-Xmx")), flag(flags, "MaxHeapSize"));
        assertEquals(bytes(option("-Xmn")), flag(flags, "NewSize"));
        assertTrue(flags.matches("(?s).*bool UseParallelGC\\s+= true.*"));

        String overridden = run(Map.of("AINFO_JAVA_HOME", System.getProperty("java.home"), "AINFO_JAVA_OPTS", "-Xmx700m"),
                "payara-config/java", "-XX:+PrintFlagsFinal", "-version");
        assertEquals(700L << 20, flag(overridden, "MaxHeapSize"));
    }

    @Test
    void aNewerJdkGetsItsOwnOptionsAndJdk17NeverSeesThem() throws Exception {
        List<String> newer = JvmDefaults.lines(JvmDefaults.dir().resolve("jvm25.options"));
        assertFalse(newer.isEmpty());
        Path jdk17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        Path build = Path.of(System.getProperty("java.home"));
        for (Path home : List.of(build, jdk17, Path.of("/usr/lib/jvm/temurin-25-jdk-amd64"))) {
            if (!Files.isExecutable(home.resolve("bin/java"))) {
                continue;
            }
            // JDK 17 exits with an error on an option it does not know, so run() passing proves it got none.
            String flags = run(Map.of("AINFO_JAVA_HOME", home.toString(), "AINFO_AOT_CACHE", ""),
                    "payara-config/java", "-XX:+PrintFlagsFinal", "-version");
            boolean is25 = JvmDefaults.majorVersion(home) >= 25;
            assertEquals(is25, flags.matches("(?s).*bool UseCompactObjectHeaders\\s+= true.*"), home.toString());
            assertEquals(is25, JvmDefaults.options(home).containsAll(newer), home.toString());
        }
    }

    @Test
    void javaOptsPrintsTheFileForWildFly() throws Exception {
        String exports = run(Map.of(), "bash", "-c", "unset JAVA_OPTS MALLOC_ARENA_MAX; eval \"$(payara-config/java-opts)\" && "
                + "printf '%s\\n' \"$JAVA_OPTS\" \"$MALLOC_ARENA_MAX\"");
        List<String> lines = exports.lines().toList();
        assertEquals(String.join(" ", JvmDefaults.options(JvmDefaults.javaHome())), lines.get(0));
        assertEquals(JvmDefaults.environment().get("MALLOC_ARENA_MAX"), lines.get(1));
    }

    @Test
    void theMavenPluginRunsTheJavaScriptAndTheContainerTestsGetTheFile() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher plugin = Pattern.compile("(?s)<artifactId>payara-micro-maven-plugin</artifactId>.*?</plugin>").matcher(pom);
        assertTrue(plugin.find());
        assertTrue(plugin.group().contains("<javaHome>${project.basedir}/payara-config/java</javaHome>"), plugin.group());
        assertFalse(plugin.group().contains("javaCommandLineOptions"), "options live in payara-config/jvm.options");

        Matcher failsafe = Pattern.compile("(?s)<artifactId>maven-failsafe-plugin</artifactId>.*?</plugin>").matcher(pom);
        assertTrue(failsafe.find());
        assertTrue(failsafe.group().contains("<ainfo.jvm.options>${ainfo.jvm.options}</ainfo.jvm.options>"));
        JvmDefaults.environment().keySet().forEach(key -> assertTrue(
                failsafe.group().contains("<" + key + ">${ainfo.jvm.env." + key + "}</" + key + ">"), key));

        String arquillian = Files.readString(Path.of("src/test/resources/arquillian.xml"));
        assertTrue(arquillian.contains("<property name=\"cmdOptions\">${ainfo.jvm.options}</property>"));
        assertTrue(arquillian.contains("<property name=\"javaVmArguments\">${ainfo.jvm.options} "), "WildFly gets the same options");
        assertFalse(arquillian.contains("-Xmx1g"), "no heap setting of its own beside the file's");
        // The README's direct run and payara-micro:start both go through the script, which also passes --nohazelcast --disablephonehome.
        assertTrue(Files.readString(Path.of("payara-config/run")).contains("exec \"$dir/java\" -jar"));
    }

    @Test
    void theBuildReadsTheSameOptions() {
        String fromBuild = System.getProperty("ainfo.jvm.options");
        assumeTrue(fromBuild != null && !fromBuild.startsWith("${"), "run by Maven, which sets it from the file");
        assertEquals(JvmDefaults.options(), Arrays.asList(fromBuild.split(" ")));
    }

    @Test
    void payaraProcessStartsWithTheFile() {
        List<String> command = PayaraProcess.command(8080, Map.of("a", "b"));
        List<String> options = JvmDefaults.options(Path.of(System.getProperty("java.home")));
        assertEquals(options, command.subList(1, 1 + options.size()));
    }

    private static String option(String prefix) {
        return JvmDefaults.options().stream().filter(o -> o.startsWith(prefix)).reduce((a, b) -> b).orElseThrow()
                .substring(prefix.length());
    }

    private static long bytes(String size) {
        long n = Long.parseLong(size.substring(0, size.length() - 1));
        return switch (Character.toLowerCase(size.charAt(size.length() - 1))) {
            case 'g' -> n << 30;
            case 'm' -> n << 20;
            case 'k' -> n << 10;
            default -> Long.parseLong(size);
        };
    }

    private static long flag(String flags, String name) {
        Matcher m = Pattern.compile("\\s" + name + "\\s+= (\\d+)").matcher(flags);
        assertTrue(m.find(), name);
        return Long.parseLong(m.group(1));
    }

    private static String run(Map<String, String> environment, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true);
        builder.environment().remove("AINFO_JAVA_OPTS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return out;
    }
}
