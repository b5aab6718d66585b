package org.openscis.bench.load;

import org.openscis.bench.jmh.RatiosCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -cp bench/target/benchmarks.jar org.openscis.bench.load.LoadMain load --profile DIR --rate N ...},
 * or {@code bench/openscis-bench load ...}; {@code ratios FILE} turns a JMH JSON result into the ACCP/JDK table.
 */
@Command(name = "openscis-bench", mixinStandardHelpOptions = true, version = "openscis-bench 0.1.0",
        description = "OpenSCIS load generator, and the ACCP/JDK table of micro-benchmark results. The "
                + "micro-benchmarks themselves: java -jar bench/target/benchmarks.jar",
        subcommands = {LoadCommand.class, RatiosCommand.class, HelpCommand.class})
public final class LoadMain implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadMain()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
