package dev.ainfo.rooms.entity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/**
 * Sources are read and written with their message, never queried, so one JSON column is enough.
 * Not shared with a generic base class: EclipseLink takes the element type from a generic converter
 * superclass as the attribute type, and then cannot read the column back (ConversionException 3002).
 */
@Converter
public class SourcesConverter implements AttributeConverter<List<Source>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Source>> LIST = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<Source> sources) {
        try {
            return JSON.writeValueAsString(sources == null ? List.of() : sources);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Source> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(column, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
