package dev.countdown.chat;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/** {@code /release help}; the text is every verb's line, which the dispatcher gathers. */
@Singleton
class HelpVerb implements ChatVerb {

    /** A provider: the dispatcher holds every verb, this one too. */
    private final Provider<ChatCommands> commands;

    HelpVerb(Provider<ChatCommands> commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String help() {
        return "help: shows this";
    }

    @Override
    public int getOrder() {
        return 1000;
    }

    @Override
    public ChatCommands.Answer handle(ChatCommands.Invocation inv) {
        return ChatCommands.Answer.info(commands.get().help());
    }
}
