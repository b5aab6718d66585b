package org.openscis.bench.jmh;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ratios FILE}: the ACCP/JDK table of a JMH JSON result, in Markdown. */
@Command(name = "ratios", mixinStandardHelpOptions = true,
        description = "Prints, as a Markdown table, the ACCP/JDK speed-up of each crypto benchmark in a JMH JSON "
                + "result (java -jar benchmarks.jar -rf json -rff FILE).")
public final class RatiosCommand implements Callable<Integer> {

    /** JMH result files are a few hundred KiB at most; anything far larger is not one. */
    static final long MAX_RESULT_BYTES = 64L * 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "JMH result in JSON.")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text;
        try {
            if (Files.size(file) > MAX_RESULT_BYTES) {
                err.println("error: " + file + " is larger than " + MAX_RESULT_BYTES + " bytes");
                return 2;
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("error: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        ProviderRatios.Parsed parsed = ProviderRatios.parse(text);
        if (parsed instanceof ProviderRatios.Parsed.Invalid invalid) {
            err.println("error: " + file + ": " + invalid.reason());
            return 2;
        }
        var rows = ((ProviderRatios.Parsed.Ok) parsed).rows();
        if (rows.isEmpty()) {
            err.println("error: " + file + " has no benchmark measured with both Accp and Jdk");
            return 2;
        }
        out.print(ProviderRatios.markdown(rows));
        out.flush();
        return 0;
    }
}
