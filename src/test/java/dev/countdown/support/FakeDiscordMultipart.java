package dev.countdown.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reads the multipart body of a message with files: its payload_json, and each file's content by name. */
final class FakeDiscordMultipart {

    private FakeDiscordMultipart() {
    }

    static String payload(byte[] raw, String contentType, Map<String, String> files) throws IOException {
        String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + "boundary=".length())
                .replace("\"", "");
        String body = new String(raw, StandardCharsets.UTF_8);
        String payload = "{}";
        ArrayNode names = FakeDiscord.JSON.createArrayNode();
        for (String part : body.split(java.util.regex.Pattern.quote(boundary))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headersEnd);
            String content = part.substring(headersEnd + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            if (headers.contains("name=\"payload_json\"")) {
                payload = content;
            } else if (headers.contains("filename=\"")) {
                int start = headers.indexOf("filename=\"") + "filename=\"".length();
                String name = headers.substring(start, headers.indexOf('"', start));
                files.put(name, content);
                names.addObject().put("filename", name);
            }
        }
        ObjectNode json = (ObjectNode) FakeDiscord.JSON.readTree(payload);
        if (!json.has("attachments") || json.get("attachments").isEmpty()) {
            json.set("attachments", names);
        }
        return json.toString();
    }
}
