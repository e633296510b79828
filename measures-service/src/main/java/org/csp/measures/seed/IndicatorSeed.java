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
import org.csp.problem.ProblemException;
import org.csp.seed.SeedFiles;
import org.jboss.logging.Logger;

/**
 * Loads each configured indicator catalogue file (one per partnership, format {@code csp-indicators/2}) at start-up:
 * its source organisations become known, and every indicator not yet in the event store is defined, all in one
 * transaction. An indicator that exists is left as it is (the coordinator may have amended it); running it again
 * defines nothing.
 */
@ApplicationScoped
public class IndicatorSeed {

    private static final Logger LOG = Logger.getLogger(IndicatorSeed.class);
    static final String FORMAT = "csp-indicators/2";

    private final Indicators indicators;
    private final SourceOrganisations organisations;
    private final ObjectMapper json;
    private final List<String> files;

    public IndicatorSeed(
            Indicators indicators, SourceOrganisations organisations, ObjectMapper json, IndicatorSeedConfig config) {
        this.indicators = indicators;
        this.organisations = organisations;
        this.json = json;
        this.files = config.indicators();
    }

    /**
     * The catalogue file's shape: its format, where it was taken from, the partnership, its sources and indicators, each
     * written as the API's indicator request.
     */
    public record IndicatorFile(
            String format,
            String source,
            String partnership,
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
            long added = ready.store()
                    .inTransaction(unit -> Multi.createFrom()
                            .iterable(commands)
                            .onItem()
                            .transformToUniAndConcatenate(
                                    command -> indicators.define(unit, content.partnership(), command, Actor.SYSTEM))
                            .filter(Boolean::booleanValue)
                            .collect()
                            .asList()
                            .map(List::size))
                    .await()
                    .atMost(Duration.ofMinutes(2));
            LOG.infof(
                    "Indicators for %s: %d in %s, %d newly defined",
                    content.partnership(), commands.size(), file, added);
        }
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
