package dev.countdown.chat;

import io.micronaut.core.order.Ordered;

/**
 * One {@code /release} verb, as a bean: {@link ChatCommands} finds every one, routes the first
 * word to it, and lists their help lines in its help. Adding a verb is adding a bean.
 * {@link #getOrder()} places its line in the help.
 */
public interface ChatVerb extends Ordered {

    /** The word that asks for it: {@code start}. */
    String name();

    /** What follows {@code /release}, then what it does: {@code "start [service] <version>: opens a release"}. */
    String help();

    /** Whether {@code word} asks for this verb; another spelling may, too. */
    default boolean answers(String word) {
        return word.equals(name());
    }

    ChatCommands.Answer handle(ChatCommands.Invocation invocation);
}
