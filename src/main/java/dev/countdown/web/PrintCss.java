package dev.countdown.web;

/**
 * The printable evidence page's styles, inlined so the saved page stands alone. Its policy admits
 * this one style block by its hash, and nothing else: no script, no other style.
 */
final class PrintCss {

    static final String CSS = """
            body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#111}
            h1{font-size:1.6rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;margin-top:1.5rem}
            code{font-family:ui-monospace,monospace;word-break:break-all}
            .muted{color:#555}.badge{display:inline-block;min-width:4.5em;font-weight:600}
            .item-pass .badge{color:#116329}.item-fail .badge{color:#b42318}
            .decision-go h3{color:#116329}.decision-no_go h3{color:#b42318}
            table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
            ul.items{list-style:none;padding-left:0}.note{margin-left:5em;color:#333;white-space:pre-wrap}
            @media print{a{color:inherit;text-decoration:none}}
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
