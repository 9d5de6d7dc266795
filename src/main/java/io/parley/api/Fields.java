package io.parley.api;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * GWS's {@code fields} request parameter on a list: {@code *} gives whole objects, {@code a,b} only those fields
 * of each (https://docs.genesys.com/Documentation/HTCC/latest/API/RequestTypes). A field an object lacks is left
 * out, as GWS leaves out what is not set.
 */
final class Fields {

    private static final int MAX_FIELDS = 32;

    private Fields() {
    }

    static List<?> select(ObjectMapper mapper, List<?> objects, String fields) {
        if (fields.equals("*")) {
            return objects;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String field : fields.split(",", -1)) {
            String name = field.strip();
            if (name.isEmpty() || !name.matches("[A-Za-z]{1,64}")) {
                throw JsonBody.invalid("fields must be * or a comma-separated list of field names");
            }
            wanted.add(name);
        }
        if (wanted.size() > MAX_FIELDS) {
            throw JsonBody.invalid("fields names more than " + MAX_FIELDS + " fields");
        }
        return objects.stream().map(object -> {
            Map<String, Object> whole = mapper.convertValue(object, new TypeReference<Map<String, Object>>() {
            });
            Map<String, Object> chosen = new LinkedHashMap<>();
            wanted.forEach(name -> {
                if (whole.get(name) != null) {
                    chosen.put(name, whole.get(name));
                }
            });
            return chosen;
        }).toList();
    }
}
