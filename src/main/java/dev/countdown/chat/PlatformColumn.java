package dev.countdown.chat;

import dev.countdown.release.Platform;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

/** A platform as the chat tables store it: its label, as before there was a type for it. */
@Singleton
public class PlatformColumn implements AttributeConverter<Platform, String> {

    @Override
    public String convertToPersistedValue(Platform platform, ConversionContext context) {
        return platform == null ? null : platform.label();
    }

    @Override
    public Platform convertToEntityValue(String label, ConversionContext context) {
        return label == null ? null : Platform.parse(label);
    }
}
