package dev.lockstep.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Debian's Chromium, headless, as a person's browser: the page's DOM after its scripts ran, the
 * console messages it printed, and a screenshot. Each call starts a fresh browser with an empty
 * profile and no network features.
 */
final class HeadlessChromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    /** Chromium logs every console message (log, warning, error, uncaught exception, CSP violation) so. */
    private static final Pattern CONSOLE = Pattern.compile(":CONSOLE(?::\\d+|\\(\\d+\\))\\] (.*)");

    private final Path work;

    HeadlessChromium(Path work) {
        this.work = work;
    }

    /** What the browser made of a page. */
    record Rendered(String dom, List<String> console) {
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** The DOM after load (scripts run) and every console message. */
    Rendered open(Path page) throws Exception {
        Result result = launch("--enable-logging=stderr", "--v=0", "--dump-dom", page.toUri().toString());
        List<String> console = new ArrayList<>();
        Matcher m = CONSOLE.matcher(result.err());
        while (m.find()) {
            console.add(m.group(1));
        }
        return new Rendered(result.out(), console);
    }

    /** A screenshot of the top of the page, {@code width} x {@code height}. */
    BufferedImage screenshot(Path page, Path png, int width, int height) throws Exception {
        Files.deleteIfExists(png);
        Result result = launch("--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(), page.toUri().toString());
        if (!Files.isRegularFile(png)) {
            throw new AssertionError("chromium wrote no screenshot: " + result.err());
        }
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) {
            throw new AssertionError(png + " is not an image ImageIO can decode");
        }
        return image;
    }

    /** Distinct RGB colours in the image: a blank page has one. */
    static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours.size();
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result launch(String... arguments) throws Exception {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--user-data-dir=" + profile));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(work, "chromium", ".out");
        Path err = Files.createTempFile(work, "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 2 minutes: " + command);
        }
        return new Result(process.exitValue(), read(out), read(err));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
