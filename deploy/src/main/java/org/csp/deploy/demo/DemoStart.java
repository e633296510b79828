package org.csp.deploy.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.csp.geography.GeographyFile;
import org.csp.partnership.PartnershipRegistry;

/**
 * What {@code deploy/run --demo} does once the stack is up: load the demo data set through the gateway unless the demo
 * data directory's marker says it is there already. The marker is written only after a whole load; a load cut short
 * is simply run again (every step of {@link DemoLoader} is safe to repeat).
 */
public final class DemoStart {

    /** The file in the data directory that says the demo set is loaded (and which seed it came from). */
    public static final String MARKER = "demo-data-loaded";

    /** The web app's system property that turns on its "synthetic demo data" banner. */
    public static final String WEB_PROPERTY = "csp.web.demo-data";

    private DemoStart() {}

    /** Loads the demo set into the stack at {@code gateway} unless {@code data} holds the marker; true when it loaded. */
    public static boolean loadOnce(
            Path data, String gateway, DemoLoader.Credentials credentials, Clock clock, Consumer<String> log) {
        Path marker = data.resolve(MARKER);
        if (Files.exists(marker)) {
            log.accept("demo data set already loaded (" + marker + "); not loading it again");
            return false;
        }
        log.accept("loading the demo data set (synthetic, seed " + DemoGenerator.SEED + ") through " + gateway + " …");
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
        DemoLoader loader = new DemoLoader(gateway, credentials, today, log);
        DemoData set = DemoGenerator.generate(DemoGenerator.SEED, districts(), loader.initiatives());
        DemoLoader.Loaded loaded = loader.load(set);
        try {
            Files.writeString(marker, "seed=" + DemoGenerator.SEED + "\nloadedOn=" + today + "\n" + loaded + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.accept("demo data set loaded in " + (System.nanoTime() - started) / 1_000_000_000L + " s: " + loaded);
        return true;
    }

    /** The six districts of the county, from the geography and partnerships files. */
    public static List<DemoGenerator.District> districts() {
        PartnershipRegistry registry = PartnershipRegistry.load();
        Map<String, String> partnershipByGss = new LinkedHashMap<>();
        registry.partnerships().forEach(p -> partnershipByGss.put(p.gss().code(), p.id()));
        return DemoGenerator.districts(
                GeographyFile.read(new ObjectMapper(), GeographyFile.RESOURCE), partnershipByGss);
    }
}
