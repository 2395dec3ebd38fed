package org.sgm.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The build's shell completion script and man pages (picocli's AutoComplete and ManPageGenerator, run by the
 * exec-maven-plugin at process-classes, see sgm-cli/pom.xml) cover every command of the program.
 */
class GeneratedCliDocsTest {
    private static final Path TARGET = Path.of(System.getProperty("basedir", "."), "target");

    /** @return every command's qualified name below {@code sgm}, e.g. {@code [fit, ..., experiment run]} */
    private static List<String> commands(CommandLine cl, String prefix, List<String> into) {
        for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
            String name = prefix.isEmpty() ? sub.getKey() : prefix + " " + sub.getKey();
            into.add(name);
            commands(sub.getValue(), name, into);
        }
        return into;
    }

    @Test
    void theCompletionScriptAndTheManPagesCoverEveryCommand() throws Exception {
        List<String> commands = commands(new CommandLine(new SgmMain()), "", new ArrayList<>());
        assertTrue(commands.containsAll(List.of("fit", "score", "explain", "help", "experiment run")), "" + commands);
        Path completion = TARGET.resolve("sgm_completion");
        assertTrue(Files.isRegularFile(completion), completion + " is written by `mvn process-classes`");
        String script = Files.readString(completion);
        assertTrue(script.contains("\ncomplete -F _complete_sgm -o default sgm "), "registers a completion for sgm");
        for (String command : commands) {
            String function = "function _picocli_sgm_" + command.replace(' ', '_').replace("-", "") + "()";
            assertTrue(script.contains(function), command + ": " + function + " in " + completion);
            Path page = TARGET.resolve("manpages/sgm-" + command.replace(' ', '-') + ".adoc");
            assertTrue(Files.isRegularFile(page), page + " is written by `mvn process-classes`");
            String text = Files.readString(page);
            assertTrue(text.contains("= sgm-" + command.replace(' ', '-') + "(1)"), page.toString());
        }
        String top = Files.readString(TARGET.resolve("manpages/sgm.adoc"));
        assertTrue(top.contains("= sgm(1)"), top);
        String[] listed = script.substring(script.indexOf("function _picocli_sgm()")).lines()
                .filter(l -> l.strip().startsWith("local commands=")).findFirst().orElseThrow()
                .replaceAll(".*=\"(.*)\"", "$1").split(" ");
        assertTrue(List.of(listed).containsAll(commands.stream().filter(c -> !c.contains(" ")).toList()),
                "the top level completes every command: " + List.of(listed));
    }
}
