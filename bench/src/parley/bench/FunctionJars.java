package parley.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The unpacked function.zip, as the JVM options and jars a measured launch of it needs. */
final class FunctionJars {

    private FunctionJars() {
    }

    /** The files under {@code root}, but lib/ (whose jars stay on the class path as they are), as one jar. */
    static void pack(Path root, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream out = new ZipOutputStream(file);
                Stream<Path> files = Files.walk(root)) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = root.relativize(path).toString().replace('\\', '/');
                if (name.startsWith("lib/")) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(name));
                try (InputStream in = Files.newInputStream(path)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    /** --add-opens for each package the application's manifest opens to it. */
    static List<String> addOpens(Path root) throws IOException {
        List<String> options = new ArrayList<>();
        try (InputStream in = Files.newInputStream(root.resolve("META-INF/MANIFEST.MF"))) {
            String opens = new Manifest(in).getMainAttributes().getValue("Add-Opens");
            if (opens != null) {
                for (String open : opens.trim().split("\\s+")) {
                    options.add("--add-opens=" + open + "=ALL-UNNAMED");
                }
            }
        }
        return options;
    }
}
