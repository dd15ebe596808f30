package dev.ainfo.rooms.entity;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ainfo.platform.entity.JsonListConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** A message's cited sources, one JSON column. */
@Converter
public class SourcesConverter extends JsonListConverter<Source> {

    public SourcesConverter() {
        super(new TypeReference<List<Source>>() {
        });
    }
}
