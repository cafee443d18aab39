package kstreams.reference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.Topology;

/**
 * Prints {@code Topology.describe()} of a sample program from {@link Programs}.
 *
 * <pre>
 *   Describe &lt;program&gt;        print one description (exactly as toString(), trailing blank line included)
 *   Describe --list             list the program names
 *   Describe --write &lt;dir&gt;     write every program to &lt;dir&gt;/&lt;program&gt;.txt
 * </pre>
 */
public final class Describe {
    private Describe() {}

    public static void main(final String[] args) throws IOException {
        final Map<String, Programs.Program> programs = Programs.all();
        if (args.length == 1 && args[0].equals("--list")) {
            programs.keySet().forEach(System.out::println);
            return;
        }
        if (args.length == 2 && args[0].equals("--write")) {
            final Path dir = Path.of(args[1]);
            Files.createDirectories(dir);
            for (final Map.Entry<String, Programs.Program> e : programs.entrySet()) {
                final Path file = dir.resolve(e.getKey() + ".txt");
                Files.writeString(file, describe(e.getValue()), StandardCharsets.UTF_8);
                System.err.println("wrote " + file);
            }
            return;
        }
        if (args.length != 1 || !programs.containsKey(args[0])) {
            System.err.println("usage: describe.sh <program> | --list | --write <dir>");
            System.err.println("programs: " + String.join(", ", programs.keySet()));
            System.exit(2);
        }
        System.out.print(describe(programs.get(args[0])));
        System.out.flush();
    }

    static String describe(final Programs.Program program) {
        final Topology topology = program.build();
        return topology.describe().toString();
    }
}
