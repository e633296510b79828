package org.csp.measures.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.csp.eventsourcing.EventStoreReady;
import org.csp.measures.indicator.Frequency;
import org.csp.measures.indicator.IndicatorEvent.IndicatorDefined;
import org.csp.measures.indicator.Indicators;
import org.csp.measures.indicator.Polarity;
import org.csp.measures.indicator.Unit;
import org.csp.seed.SeedFiles;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * Loads each configured indicator file (one per partnership) at start-up: every indicator not yet in the event
 * store is defined, all in one transaction. Running it again defines nothing.
 */
@ApplicationScoped
public class IndicatorSeed {

    private static final Logger LOG = Logger.getLogger(IndicatorSeed.class);

    private final Indicators indicators;
    private final ObjectMapper json;
    private final List<String> files;

    public IndicatorSeed(Indicators indicators, ObjectMapper json, IndicatorSeedConfig config) {
        this.indicators = indicators;
        this.json = json;
        this.files = config.indicators();
    }

    /** The data file's shape: a partnership and its indicators. */
    public record IndicatorFile(String partnership, List<IndicatorDefined> indicators) {
    }

    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) EventStoreReady ready) {
        for (String file : files) {
            IndicatorFile content = SeedFiles.read(json, file, IndicatorFile.class);
            content.indicators().forEach(d -> check(file, d));
            long added = ready.store().inTransaction(unit -> Multi.createFrom().iterable(content.indicators())
                            .onItem().transformToUniAndConcatenate(d -> indicators.define(unit, content.partnership(), d))
                            .filter(Boolean::booleanValue).collect().asList().map(List::size))
                    .await().atMost(Duration.ofMinutes(2));
            LOG.infof("Indicators for %s: %d in %s, %d newly defined", content.partnership(), content.indicators().size(),
                    file, added);
        }
    }

    /** A data file with an unknown unit, frequency or polarity must stop the start, not define a broken indicator. */
    static void check(String file, IndicatorDefined d) {
        if (Unit.of(d.unit()) == null || Frequency.of(d.frequency()) == null || Polarity.of(d.polarity()) == null
                || d.sources().isEmpty() || d.code() == null || d.title() == null) {
            throw new IllegalStateException("Indicator " + d.code() + " in " + file
                    + " needs a code, a title, at least one source and a known unit, frequency and polarity " + Polarity.codes());
        }
    }
}
