package dev.countdown.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countdown.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The evidence bundle's JSON form and its seal. A bundle is the release's content (items,
 * approvals, probe results, decisions) plus its audit events; sealing adds the chain's head and a
 * digest over everything, so a bundle can be checked offline: the events' chain shows which event
 * was altered, the digest that something else was.
 */
public final class EvidenceBundle {

    public static final String FORMAT = "countdown-evidence/1";

    private EvidenceBundle() {
    }

    /** The mapper bundles are built and read with. */
    public static ObjectMapper json() {
        return Json.MAPPER;
    }

    /** Adds the audit trail and the seal to a release's content. */
    public static ObjectNode seal(ObjectNode content, List<AuditEvent> events) {
        return seal(content, events, Map.of());
    }

    /**
     * Adds the audit trail, the trails of linked ceremonies (a rollback and the release it undoes:
     * release id → its events) and the seal. Each linked trail is a chain of its own, verified as one.
     */
    public static ObjectNode seal(ObjectNode content, List<AuditEvent> events, Map<String, List<AuditEvent>> linked) {
        ObjectNode bundle = Json.MAPPER.createObjectNode();
        bundle.put("format", FORMAT);
        bundle.setAll(content);
        ObjectNode audit = bundle.putObject("audit");
        audit.put("algorithm", HashChain.ALGORITHM);
        audit.put("head", events.isEmpty() ? HashChain.GENESIS : events.getLast().hash());
        write(audit.putArray("events"), events);
        if (!linked.isEmpty()) {
            ArrayNode chains = audit.putArray("linked");
            linked.forEach((releaseId, chain) -> {
                ObjectNode c = chains.addObject();
                c.put("releaseId", releaseId);
                c.put("head", chain.isEmpty() ? HashChain.GENESIS : chain.getLast().hash());
                write(c.putArray("events"), chain);
            });
        }
        bundle.put("digest", digest(bundle));
        return bundle;
    }

    private static void write(ArrayNode list, List<AuditEvent> events) {
        for (AuditEvent e : events) {
            ObjectNode event = list.addObject();
            event.put("releaseId", e.releaseId());
            event.put("seq", e.seq());
            event.put("at", e.at().toString());
            event.put("actorSource", e.actorSource());
            event.put("actorId", e.actorId());
            event.put("actorName", e.actorName());
            event.put("type", e.type());
            event.put("subject", e.subject());
            event.put("before", e.before());
            event.put("after", e.after());
            event.put("note", e.note());
            event.put("previousHash", e.previousHash());
            event.put("hash", e.hash());
        }
    }

    public static String write(JsonNode bundle) {
        try {
            return Json.PRETTY.writeValueAsString(bundle) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** What is wrong with a bundle, first problem first; empty when it verifies. */
    public static Optional<String> verify(JsonNode bundle) {
        if (!bundle.isObject() || !FORMAT.equals(bundle.path("format").asText())) {
            return Optional.of("not a Countdown evidence bundle (expected \"format\": \"" + FORMAT + "\")");
        }
        Optional<String> chain = verifyChain(bundle.path("audit"), "");
        if (chain.isPresent()) {
            return chain;
        }
        for (JsonNode linked : bundle.path("audit").path("linked")) {
            Optional<String> broken = verifyChain(linked, "linked trail of " + linked.path("releaseId").asText() + ": ");
            if (broken.isPresent()) {
                return broken;
            }
        }
        if (!digest(bundle).equals(bundle.path("digest").asText())) {
            return Optional.of("the bundle's content does not match its digest: something outside the audit events "
                    + "(an item, an approval, a decision) was altered");
        }
        return Optional.empty();
    }

    /** One chain: {@code events} linked hash to hash, ending at {@code head}. */
    private static Optional<String> verifyChain(JsonNode audit, String where) {
        List<AuditEvent> events = new ArrayList<>();
        JsonNode list = audit.path("events");
        for (int k = 0; k < list.size(); k++) {
            Optional<AuditEvent> event = event(list.get(k));
            if (event.isEmpty()) {
                return Optional.of(where + "event #" + (k + 1) + ": missing or malformed fields");
            }
            events.add(event.get());
        }
        Optional<String> broken = HashChain.firstBrokenLink(events);
        if (broken.isPresent()) {
            return Optional.of(where + broken.get());
        }
        String head = events.isEmpty() ? HashChain.GENESIS : events.getLast().hash();
        if (!head.equals(audit.path("head").asText())) {
            return Optional.of(where + "audit.head is not the hash of the last event; events were removed from the end");
        }
        return Optional.empty();
    }

    private static Optional<AuditEvent> event(JsonNode e) {
        try {
            return Optional.of(new AuditEvent(text(e, "releaseId"), e.get("seq").intValue(),
                    Instant.parse(text(e, "at")), text(e, "actorSource"), text(e, "actorId"), text(e, "actorName"),
                    text(e, "type"), text(e, "subject"), text(e, "before"), text(e, "after"), text(e, "note"),
                    text(e, "previousHash"), text(e, "hash")));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field);
        }
        return value.asText();
    }

    /** SHA-256 over the bundle without its digest, keys sorted, so formatting does not matter. */
    static String digest(JsonNode bundle) {
        ObjectNode copy = bundle.deepCopy();
        copy.remove("digest");
        try {
            return Sha256.hex(Json.MAPPER.writeValueAsString(sorted(copy)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                map.put(entry.getKey(), sorted(entry.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(sorted(element)));
            return list;
        }
        return node;
    }
}
