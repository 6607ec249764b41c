package dev.countdown.web;

/**
 * The printable evidence page's styles, inlined so the saved page stands alone. Its policy admits
 * this one style block by its hash, and nothing else: no script, no other style.
 */
final class PrintCss {

    static final String CSS = """
            body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#111}
            h1{font-size:1.6rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;margin-top:1.5rem}
            code,pre{font-family:ui-monospace,monospace;word-break:break-all}
            pre.command{background:#f3f3f3;border:1px solid #ccc;padding:.5rem .8rem;white-space:pre-wrap}
            .muted{color:#555}.badge{display:inline-block;min-width:4.5em;font-weight:600}
            .item-pass .badge{color:#116329}.item-fail .badge{color:#b42318}
            .decision{border-left:4px solid #ccc;padding:.1rem .8rem;margin:.6rem 0;break-inside:avoid}
            .decision-go{border-color:#116329}.decision-no_go{border-color:#b42318}
            .decision-go h3{color:#116329}.decision-no_go h3{color:#b42318}.reasons-head{font-weight:600;margin:.2rem 0}
            table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
            ul.items{list-style:none;padding-left:0}.note{margin-left:5em;color:#333;white-space:pre-wrap}
            .note-text{white-space:pre-wrap;overflow-wrap:anywhere}
            @media print{a{color:inherit;text-decoration:none}body{margin:0}tr{break-inside:avoid}}
            """;

    static final String POLICY = "default-src 'none'; style-src 'sha256-" + sha256(CSS) + "'; img-src 'self' data:; "
            + "form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static String sha256(String text) {
        try {
            return java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private PrintCss() {
    }
}
