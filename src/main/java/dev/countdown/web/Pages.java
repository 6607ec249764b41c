package dev.countdown.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.jte.HtmlJteViewsRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders the pages' JTE templates (src/main/jte, compiled with the build) through Micronaut
 * Views. Each template takes one parameter; the text it shows is escaped unless a template says
 * otherwise, and none of them does for anything a user wrote.
 */
@Singleton
class Pages {

    private final HtmlJteViewsRenderer<Map<String, Object>> renderer;

    Pages(HtmlJteViewsRenderer<Map<String, Object>> renderer) {
        this.renderer = renderer;
    }

    /** The template {@code view} with its one parameter {@code name} set to {@code model}. */
    String render(String view, String name, Object model) {
        StringWriter out = new StringWriter();
        try {
            renderer.render(view, Map.of(name, model), null).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    MutableHttpResponse<String> ok(String view, String name, Object model) {
        return status(HttpStatus.OK, view, name, model);
    }

    MutableHttpResponse<String> status(HttpStatus status, String view, String name, Object model) {
        return HttpResponse.<String>status(status).contentType(MediaType.TEXT_HTML_TYPE).body(render(view, name, model));
    }
}
