package dev.ainfo.profile.entity;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ainfo.platform.entity.JsonListConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** A profile's interests, one JSON column. */
@Converter
public class InterestsConverter extends JsonListConverter<String> {

    public InterestsConverter() {
        super(new TypeReference<List<String>>() {
        });
    }
}
