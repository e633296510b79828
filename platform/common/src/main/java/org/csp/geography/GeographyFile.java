package org.csp.geography;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.csp.seed.SeedFiles;

/**
 * The geography file as written ({@value #RESOURCE}, format {@value #FORMAT}): the county, its districts and their
 * wards, by GSS code and name. measures-service checks every figure's place against it ({@code Geographies}).
 */
public record GeographyFile(String format, String source, Area county, List<District> districts) {

    /** The geography file every service reads. */
    public static final String RESOURCE = "geography/gloucestershire.json";

    public static final String FORMAT = "csp-geography/2";

    public record Area(String code, String name) {}

    public record District(String code, String name, List<Area> wards) {}

    /** The file at {@code resource}, read with {@code json}; one of another format stops the start naming it. */
    public static GeographyFile read(ObjectMapper json, String resource) {
        GeographyFile file = SeedFiles.read(json, resource, GeographyFile.class);
        if (!FORMAT.equals(file.format())) {
            throw new IllegalStateException(resource + " is not a " + FORMAT + " file");
        }
        return file;
    }
}
