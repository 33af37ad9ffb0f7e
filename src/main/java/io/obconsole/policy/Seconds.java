package io.obconsole.policy;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Duration;

/** A duration stored as whole seconds (BIGINT, NULL for none): plain, and the same on MySQL, MariaDB and OceanBase. */
@Converter
public class Seconds implements AttributeConverter<Duration, Long> {

    @Override
    public Long convertToDatabaseColumn(Duration value) {
        return value == null ? null : value.getSeconds();
    }

    @Override
    public Duration convertToEntityAttribute(Long seconds) {
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }
}
