package org.csp.measures.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.List;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.EventStoreReady;
import org.csp.measures.indicator.IndicatorCommand.DefineIndicator;
import org.csp.measures.indicator.IndicatorDefinitions;
import org.csp.measures.indicator.IndicatorRequest;
import org.csp.measures.indicator.Indicators;
import org.csp.measures.indicator.SourceOrganisations;
import org.csp.partnership.PartnershipRegistry;
import org.csp.partnership.PartnershipRegistry.Partnership;
import org.csp.problem.ProblemException;
import org.csp.seed.SeedFiles;
import org.jboss.logging.Logger;

/**
 * Loads each configured indicator catalogue file (format {@code csp-indicators/2}) at start-up, in the configured
 * order: its source organisations become known, and every indicator not yet in the event store is defined, all in one
 * transaction per partnership. A file is of one partnership ({@code partnership}) or of every partnership in the
 * partnerships file ({@code everyPartnership}: the county core set). An indicator that exists is left as it is (the
 * coordinator may have amended it, or a partnership's own file, listed first, defined it with its plan's priority);
 * running it again defines nothing.
 */
@ApplicationScoped
public class IndicatorSeed {

    private static final Logger LOG = Logger.getLogger(IndicatorSeed.class);
    static final String FORMAT = "csp-indicators/2";

    private final Indicators indicators;
    private final SourceOrganisations organisations;
    private final ObjectMapper json;
    private final List<String> files;
    private final PartnershipRegistry partnerships;

    public IndicatorSeed(
            Indicators indicators,
            SourceOrganisations organisations,
            ObjectMapper json,
            IndicatorSeedConfig config,
            PartnershipRegistry partnerships) {
        this.indicators = indicators;
        this.organisations = organisations;
        this.json = json;
        this.files = config.indicators();
        this.partnerships = partnerships;
    }

    /**
     * The catalogue file's shape: its format, where it was taken from, the partnership or every partnership, its
     * sources and indicators, each written as the API's indicator request.
     */
    public record IndicatorFile(
            String format,
            String source,
            String partnership,
            Boolean everyPartnership,
            List<String> notes,
            List<Organisation> organisations,
            List<IndicatorRequest> indicators) {

        public record Organisation(String id, String name) {}
    }

    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) EventStoreReady ready) {
        List<IndicatorFile> contents =
                files.stream().map(file -> read(json, file)).toList();
        contents.forEach(content -> content.organisations().forEach(o -> organisations.add(o.id(), o.name())));
        for (int i = 0; i < files.size(); i++) {
            IndicatorFile content = contents.get(i);
            String file = files.get(i);
            List<DefineIndicator> commands = content.indicators().stream()
                    .map(entry -> define(file, entry))
                    .toList();
            for (String partnership : partnershipsOf(file, content)) {
                long added = ready.store()
                        .inTransaction(unit -> Multi.createFrom()
                                .iterable(commands)
                                .onItem()
                                .transformToUniAndConcatenate(
                                        command -> indicators.define(unit, partnership, command, Actor.SYSTEM))
                                .filter(Boolean::booleanValue)
                                .collect()
                                .asList()
                                .map(List::size))
                        .await()
                        .atMost(Duration.ofMinutes(2));
                LOG.infof("Indicators for %s: %d in %s, %d newly defined", partnership, commands.size(), file, added);
            }
        }
    }

    /** The partnerships a file is of: the one it names, or every one of the partnerships file; never both. */
    List<String> partnershipsOf(String file, IndicatorFile content) {
        boolean every = Boolean.TRUE.equals(content.everyPartnership());
        if (every == (content.partnership() != null)) {
            throw new IllegalStateException(
                    file + " must name either its partnership or everyPartnership: true, not both nor neither");
        }
        if (every) {
            return partnerships.partnerships().stream().map(Partnership::id).toList();
        }
        if (!partnerships.contains(content.partnership())) {
            throw new IllegalStateException(
                    file + " is of the partnership " + content.partnership() + ", which the partnerships file lacks");
        }
        return List.of(content.partnership());
    }

    static IndicatorFile read(ObjectMapper json, String file) {
        IndicatorFile content = SeedFiles.read(json, file, IndicatorFile.class);
        if (!FORMAT.equals(content.format())) {
            throw new IllegalStateException(file + " is not a " + FORMAT + " catalogue file");
        }
        return content;
    }

    /** The command an entry of the file stands for; an invalid entry stops the start, naming what is wrong. */
    DefineIndicator define(String file, IndicatorRequest entry) {
        try {
            return new DefineIndicator(entry.code(), IndicatorDefinitions.validate(entry, organisations.ids()), true);
        } catch (ProblemException e) {
            throw new IllegalStateException(
                    "Indicator " + entry.code() + " in " + file + " is not valid: " + e.violations(), e);
        }
    }
}
