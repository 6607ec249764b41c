package dev.countdown.web;

/** HTML for the dashboard's server-rendered pages: escaping, and the page frame. */
final class Html {

    private Html() {
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A whole page; {@code css} inline when the page must stand alone (the printable evidence). */
    static String page(String title, String body, boolean standalone, String css) {
        String style = standalone ? "<style>" + css + "</style>" : "<link rel=\"stylesheet\" href=\"/static/countdown.css\">";
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                %s
                </head>
                <body>
                %s
                %s
                </body>
                </html>
                """.formatted(esc(title), style, standalone ? "" : """
                <header class="top"><a href="/" class="brand">Countdown</a>
                <nav aria-label="Main"><a href="/">Releases</a> <a href="/playground">Playground</a></nav></header>""",
                body);
    }
}
