package dev.lockstep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One page in headless Chromium driven through the DevTools protocol (the JDK's own HTTP and
 * WebSocket client, no other library): open a page, evaluate JavaScript as a user's clicks would,
 * and collect console calls, uncaught exceptions and browser log entries (CSP violations).
 */
final class DevToolsPage implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process browser;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();
    private int nextId = 1;

    private DevToolsPage(Process browser, WebSocket socket) {
        this.browser = browser;
        this.socket = socket;
    }

    static DevToolsPage launch(Path work) throws Exception {
        Path profile = Files.createTempDirectory(work, "chromium-cdp");
        Process browser = new ProcessBuilder(HeadlessChromium.BINARY.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        browser.getOutputStream().close();
        String endpoint = null;
        BufferedReader err = new BufferedReader(new InputStreamReader(browser.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (endpoint == null && System.nanoTime() < deadline && (line = err.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                endpoint = m.group(1);
            }
        }
        if (endpoint == null) {
            browser.destroyForcibly();
            throw new AssertionError("chromium printed no DevTools endpoint");
        }
        Thread drain = new Thread(() -> {
            try {
                while (err.readLine() != null) {
                    // keep the pipe empty
                }
            } catch (java.io.IOException e) {
                // the browser went away
            }
        });
        drain.setDaemon(true);
        drain.start();
        URI browserUri = URI.create(endpoint);
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
                URI.create("http://" + browserUri.getAuthority() + "/json/list")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String pageSocket = null;
        for (JsonNode target : targets) {
            if ("page".equals(target.path("type").asText())) {
                pageSocket = target.path("webSocketDebuggerUrl").asText();
                break;
            }
        }
        if (pageSocket == null) {
            browser.destroyForcibly();
            throw new AssertionError("chromium has no page target: " + targets);
        }
        DevToolsPage[] self = new DevToolsPage[1];
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new WebSocket.Listener() {
            private final StringBuilder buffer = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                buffer.append(data);
                if (last) {
                    String message = buffer.toString();
                    buffer.setLength(0);
                    while (self[0] == null) {
                        Thread.onSpinWait();
                    }
                    self[0].receive(message);
                }
                webSocket.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        DevToolsPage page = new DevToolsPage(browser, socket);
        self[0] = page;
        page.call("Runtime.enable", null);
        page.call("Log.enable", null);
        page.call("Page.enable", null);
        return page;
    }

    private void receive(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> future = pending.remove(message.get("id").asInt());
                if (future != null) {
                    future.complete(message);
                }
                return;
            }
            String method = message.path("method").asText();
            JsonNode params = message.path("params");
            switch (method) {
                case "Runtime.consoleAPICalled" -> problems.add("console." + params.path("type").asText() + ": "
                        + params.path("args").toString());
                case "Runtime.exceptionThrown" -> problems.add("exception: "
                        + params.path("exceptionDetails").path("exception").path("description").asText(
                                params.path("exceptionDetails").path("text").asText()));
                case "Log.entryAdded" -> problems.add("log " + params.path("entry").path("level").asText() + ": "
                        + params.path("entry").path("text").asText());
                case "Page.loadEventFired" -> loaded.complete(null);
                default -> {
                }
            }
        } catch (Exception e) {
            problems.add("unreadable DevTools message: " + e);
        }
    }

    private synchronized JsonNode call(String method, ObjectNode params) throws Exception {
        int id = nextId++;
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        if (params != null) {
            message.set("params", params);
        }
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        pending.put(id, future);
        socket.sendText(JSON.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
        JsonNode reply = future.get(60, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new AssertionError(method + ": " + reply.get("error"));
        }
        return reply.path("result");
    }

    /** Opens a page and waits for its load event. */
    void open(Path page) throws Exception {
        ObjectNode params = JSON.createObjectNode();
        params.put("url", page.toUri().toString());
        CompletableFuture<Void> load = new CompletableFuture<>();
        loaded = load;
        call("Page.navigate", params);
        load.get(60, TimeUnit.SECONDS);
    }

    /** The value of a JavaScript expression (JSON-serialisable), evaluated in the page. */
    JsonNode evaluate(String expression) throws Exception {
        ObjectNode params = JSON.createObjectNode();
        params.put("expression", expression);
        params.put("returnByValue", true);
        JsonNode result = call("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            throw new AssertionError("the page threw: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Console calls, uncaught exceptions and log entries so far. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void close() throws Exception {
        try {
            // A browser asked to close removes its singleton socket folder; one killed leaves it in /tmp.
            socket.sendText(JSON.writeValueAsString(JSON.createObjectNode().put("id", nextId++)
                    .put("method", "Browser.close")), true).get(5, TimeUnit.SECONDS);
            browser.waitFor(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        browser.destroy();
        if (!browser.waitFor(10, TimeUnit.SECONDS)) {
            browser.destroyForcibly();
        }
    }
}
