package dev.countdown.web;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The playground driven over HTTP as its page's forms drive it: a form post, and what the page then says. */
final class PlaygroundClient {

    /** The answer to a post: a redirect back to the channel with what only the user sees, or an error page. */
    record Reply(int status, String said, String body, String contentType) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    PlaygroundClient(URI base) {
        this.base = base;
    }

    Reply type(String channel, String user, String text) {
        return post("/playground/command", form("channel", channel, "user", user, "text", text));
    }

    Reply click(String channel, String user, String release, String verb, String target, String value) {
        Map<String, String> fields = form("channel", channel, "user", user, "release", release, "verb", verb,
                "target", target);
        if (value != null) {
            fields.put("value", value);
        }
        return post("/playground/click", fields);
    }

    Reply post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            String location = response.headers().firstValue("Location").orElse("");
            int at = location.indexOf("said=");
            String said = at < 0 ? "" : URLDecoder.decode(location.substring(at + 5), StandardCharsets.UTF_8);
            return new Reply(response.statusCode(), said, response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
